import { TabBar } from 'antd-mobile';
import { AppOutline, UserOutline } from 'antd-mobile-icons';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { CardIcon } from './icons';

const tabs = [
  { key: '/', title: '首页', icon: <AppOutline /> },
  { key: '/card', title: '会员卡', icon: <CardIcon /> },
  { key: '/me', title: '我的', icon: <UserOutline /> },
];

/** The three main tabs: 首页 / 会员卡 / 我的, fixed at the bottom above the home indicator. */
export function TabLayout() {
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <div className="tab-shell">
      <main className="tab-main">
        <Outlet />
      </main>
      <nav className="tab-bar" aria-label="主导航">
        <TabBar activeKey={location.pathname} onChange={(key) => navigate(key)} safeArea>
          {tabs.map((t) => (
            <TabBar.Item key={t.key} icon={t.icon} title={t.title} />
          ))}
        </TabBar>
      </nav>
    </div>
  );
}
