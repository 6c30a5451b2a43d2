import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { lazy, Suspense, useMemo } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { LocaleProvider, useLocale } from './i18n/LocaleProvider';
import { SessionProvider } from './modules/auth/hooks/useSession';
import { AppShell } from './modules/shell/components/AppShell';
import { HomePage } from './modules/home/components/HomePage';
import { LoginPage } from './modules/auth/components/LoginPage';
import { RegisterPage } from './modules/auth/components/RegisterPage';
import { ResetPasswordPage } from './modules/auth/components/ResetPasswordPage';
import { MessagesPage } from './modules/shell/components/MessagesPage';
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
      { path: '/messages', element: <MessagesPage /> },
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
  const { locale } = useLocale();
  const theme = useMemo(() => themeFor(locale), [locale]);
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={theme}>
      <AntApp>
        <SessionProvider>
          <RouterProvider router={router} />
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
