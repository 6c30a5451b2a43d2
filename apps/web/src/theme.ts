import type { ThemeConfig } from 'antd';

/**
 * "Science blue" on a calm grey-blue page, generous type for cheap phones in bright light.
 * CJK fonts first so Chinese never falls back to a thin or boxy face.
 */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1456d6',
    colorInfo: '#1456d6',
    colorLink: '#1456d6',
    colorBgLayout: '#f4f7fc',
    borderRadius: 8,
    fontSize: 15,
    fontFamily:
      '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  },
  components: {
    Button: { controlHeightLG: 46, fontWeight: 500 },
    Card: { borderRadiusLG: 12 },
  },
};
