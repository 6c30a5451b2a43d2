import type { ThemeConfig } from 'antd';
import type { Locale } from './i18n/define';

const CJK_FIRST =
  '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
// In English, Latin faces first: CJK fonts draw quotes and apostrophes full-width.
const LATIN_FIRST =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';

/**
 * "Science blue" on a calm grey-blue page, generous type for cheap phones in bright light.
 * CJK fonts first in Chinese so text never falls back to a thin or boxy face.
 */
export function themeFor(locale: Locale): ThemeConfig {
  return {
    token: {
      colorPrimary: '#1456d6',
      colorInfo: '#1456d6',
      colorLink: '#1456d6',
      colorBgLayout: '#f4f7fc',
      borderRadius: 8,
      fontSize: 15,
      fontFamily: locale === 'zh-CN' ? CJK_FIRST : LATIN_FIRST,
    },
    components: {
      Button: { controlHeightLG: 46, fontWeight: 500 },
      Card: { borderRadiusLG: 12 },
    },
  };
}
