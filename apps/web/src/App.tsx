import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { lazy, Suspense, useMemo } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { LocaleProvider, useLocale } from './i18n/LocaleProvider';
import { SessionProvider } from './modules/auth/hooks/useSession';
import { UnreadProvider } from './modules/inbox/hooks/useUnreadCount';
import { AppShell } from './modules/shell/components/AppShell';
import { HomePage } from './modules/home/components/HomePage';
import { LoginPage } from './modules/auth/components/LoginPage';
import { RegisterPage } from './modules/auth/components/RegisterPage';
import { ResetPasswordPage } from './modules/auth/components/ResetPasswordPage';
import { MePage } from './modules/shell/components/MePage';
import { NotFoundPage } from './modules/shell/components/NotFoundPage';
import { themeFor } from './theme';

// Signed-in areas load on demand so the public pages stay light on a slow phone connection.
const AccountPage = lazy(() =>
  import('./modules/account/components/AccountPage').then((m) => ({ default: m.AccountPage })),
);
const AdminPage = lazy(() =>
  import('./modules/admin/components/AdminPage').then((m) => ({ default: m.AdminPage })),
);
const DiscoverPage = lazy(() =>
  import('./modules/discover/components/DiscoverPage').then((m) => ({ default: m.DiscoverPage })),
);

const NeedDetailPage = lazy(() =>
  import('./modules/listings/components/NeedDetailPage').then((m) => ({ default: m.NeedDetailPage })),
);
const ScientistDetailPage = lazy(() =>
  import('./modules/listings/components/ScientistDetailPage').then((m) => ({
    default: m.ScientistDetailPage,
  })),
);
const TeamDetailPage = lazy(() =>
  import('./modules/listings/components/TeamDetailPage').then((m) => ({ default: m.TeamDetailPage })),
);
const CapabilityDetailPage = lazy(() =>
  import('./modules/listings/components/CapabilityDetailPage').then((m) => ({
    default: m.CapabilityDetailPage,
  })),
);
const ResultDetailPage = lazy(() =>
  import('./modules/listings/components/ResultDetailPage').then((m) => ({ default: m.ResultDetailPage })),
);
const EnterpriseDetailPage = lazy(() =>
  import('./modules/listings/components/EnterpriseDetailPage').then((m) => ({
    default: m.EnterpriseDetailPage,
  })),
);

const ListingHistoryPage = lazy(() =>
  import('./modules/listings/components/ListingHistoryPage').then((m) => ({
    default: m.ListingHistoryPage,
  })),
);

const MyListingsPage = lazy(() =>
  import('./modules/publish/components/MyListingsPage').then((m) => ({ default: m.MyListingsPage })),
);
const NeedEditorPage = lazy(() =>
  import('./modules/publish/components/NeedEditorPage').then((m) => ({ default: m.NeedEditorPage })),
);
const CapabilityEditorPage = lazy(() =>
  import('./modules/publish/components/CapabilityEditorPage').then((m) => ({
    default: m.CapabilityEditorPage,
  })),
);
const ResultEditorPage = lazy(() =>
  import('./modules/publish/components/ResultEditorPage').then((m) => ({ default: m.ResultEditorPage })),
);
const ScientistEditorPage = lazy(() =>
  import('./modules/publish/components/ScientistEditorPage').then((m) => ({
    default: m.ScientistEditorPage,
  })),
);
const EnterpriseEditorPage = lazy(() =>
  import('./modules/publish/components/EnterpriseEditorPage').then((m) => ({
    default: m.EnterpriseEditorPage,
  })),
);

const SavedSearchRedirect = lazy(() =>
  import('./modules/inbox/components/SavedSearchRedirect').then((m) => ({ default: m.SavedSearchRedirect })),
);
const InboxPage = lazy(() =>
  import('./modules/inbox/components/InboxPage').then((m) => ({ default: m.InboxPage })),
);

function Lazy({ children }: { children: React.ReactNode }) {
  return (
    <Suspense
      fallback={
        <div className="page-center">
          <Spin size="large" />
        </div>
      }
    >
      {children}
    </Suspense>
  );
}

const router = createBrowserRouter([
  {
    element: <AppShell />,
    children: [
      { path: '/', element: <HomePage /> },
      {
        path: '/discover',
        element: (
          <Lazy>
            <DiscoverPage />
          </Lazy>
        ),
      },
      {
        path: '/needs/:id',
        element: (
          <Lazy>
            <NeedDetailPage />
          </Lazy>
        ),
      },
      {
        path: '/scientists/:id',
        element: (
          <Lazy>
            <ScientistDetailPage />
          </Lazy>
        ),
      },
      {
        path: '/teams/:id',
        element: (
          <Lazy>
            <TeamDetailPage />
          </Lazy>
        ),
      },
      {
        path: '/services/:id',
        element: (
          <Lazy>
            <CapabilityDetailPage />
          </Lazy>
        ),
      },
      {
        path: '/results/:id',
        element: (
          <Lazy>
            <ResultDetailPage />
          </Lazy>
        ),
      },
      // 版本与审核记录 of a listing (from 我的发布 and from a closed or expired listing).
      ...(
        [
          ['needs', 'need'],
          ['services', 'capability'],
          ['results', 'result'],
        ] as const
      ).map(([segment, type]) => ({
        path: `/${segment}/:id/history`,
        element: (
          <Lazy>
            <ListingHistoryPage type={type} />
          </Lazy>
        ),
      })),
      {
        path: '/enterprises/:id',
        element: (
          <Lazy>
            <EnterpriseDetailPage />
          </Lazy>
        ),
      },
      {
        path: '/mine',
        element: (
          <Lazy>
            <MyListingsPage />
          </Lazy>
        ),
      },
      {
        path: '/publish/need/new',
        element: (
          <Lazy>
            <NeedEditorPage key="new" />
          </Lazy>
        ),
      },
      {
        path: '/publish/need/:id',
        element: (
          <Lazy>
            <NeedEditorPage />
          </Lazy>
        ),
      },
      {
        path: '/publish/service/new',
        element: (
          <Lazy>
            <CapabilityEditorPage key="new" />
          </Lazy>
        ),
      },
      {
        path: '/publish/service/:id',
        element: (
          <Lazy>
            <CapabilityEditorPage />
          </Lazy>
        ),
      },
      {
        path: '/publish/result/new',
        element: (
          <Lazy>
            <ResultEditorPage key="new" />
          </Lazy>
        ),
      },
      {
        path: '/publish/result/:id',
        element: (
          <Lazy>
            <ResultEditorPage />
          </Lazy>
        ),
      },
      {
        path: '/publish/scientist',
        element: (
          <Lazy>
            <ScientistEditorPage />
          </Lazy>
        ),
      },
      {
        path: '/publish/enterprise',
        element: (
          <Lazy>
            <EnterpriseEditorPage key="mine" />
          </Lazy>
        ),
      },
      {
        path: '/publish/enterprise/:id',
        element: (
          <Lazy>
            <EnterpriseEditorPage />
          </Lazy>
        ),
      },
      {
        path: '/search',
        element: (
          <Lazy>
            <SavedSearchRedirect />
          </Lazy>
        ),
      },
      {
        path: '/messages',
        element: (
          <Lazy>
            <InboxPage />
          </Lazy>
        ),
      },
      { path: '/me', element: <MePage /> },
      { path: '/login', element: <LoginPage /> },
      { path: '/register', element: <RegisterPage /> },
      { path: '/reset-password', element: <ResetPasswordPage /> },
      {
        path: '/account',
        element: (
          <Lazy>
            <AccountPage />
          </Lazy>
        ),
      },
      {
        path: '/admin',
        element: (
          <Lazy>
            <AdminPage />
          </Lazy>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

function Themed() {
  const { locale, t } = useLocale();
  const theme = useMemo(() => themeFor(locale), [locale]);
  // antd's own "请输入所在地区" reads wrong under a picker; one wording for inputs and pickers.
  const form = useMemo(() => ({ validateMessages: { required: t('validate.requiredField') } }), [t]);
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={theme} form={form}>
      <AntApp>
        <SessionProvider>
          <UnreadProvider>
            <RouterProvider router={router} />
          </UnreadProvider>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

/** Providers (language, antd theme and locale, session) around the router. */
export function App() {
  return (
    <LocaleProvider>
      <Themed />
    </LocaleProvider>
  );
}
