import type { ThemeConfig } from 'antd';

/** One palette for the whole console: deep union red on neutral grey. */
export const PRIMARY = '#b71c1c';
export const PRIMARY_DARK = '#8e1313';

export const antdTheme: ThemeConfig = {
  token: {
    colorPrimary: PRIMARY,
    colorLink: PRIMARY,
    colorInfo: '#1f4e8c',
    colorInfoBg: '#eef3fa',
    colorInfoBorder: '#c6d4e8',
    borderRadius: 4,
    colorBgLayout: '#f2f3f5',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Microsoft YaHei', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Table: { headerBg: '#f5f0ef' },
  },
};

export const layoutToken = {
  bgLayout: '#f2f3f5',
  header: {
    colorBgHeader: PRIMARY_DARK,
    colorBgScrollHeader: PRIMARY_DARK,
    colorHeaderTitle: '#ffffff',
    colorTextRightActionsItem: '#ffffff',
    colorBgRightActionsItemHover: 'rgba(255,255,255,0.12)',
    colorTextMenu: 'rgba(255,255,255,0.85)',
    heightLayoutHeader: 56,
  },
  sider: {
    colorMenuBackground: '#ffffff',
    colorTextMenu: '#333333',
    colorTextMenuSelected: PRIMARY,
    colorTextMenuActive: PRIMARY,
    colorTextMenuItemHover: PRIMARY,
    colorBgMenuItemSelected: '#fbe9e7',
    colorBgMenuItemHover: '#f7f1f0',
    colorTextSubMenuSelected: PRIMARY,
  },
  pageContainer: {
    paddingBlockPageContainerContent: 16,
    paddingInlinePageContainerContent: 20,
  },
};
