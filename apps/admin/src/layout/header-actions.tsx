import { Button, Space } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useSessionQuery } from '../hooks/use-session';
import { useLogout } from '../hooks/use-logout';
import { PostSwitcher } from './post-switcher';

/** Right side of the header: post switcher, account name, 退出登录. */
export function HeaderActions({ showPostSwitcher = true }: { showPostSwitcher?: boolean }) {
  const { data: session } = useSessionQuery();
  const logout = useLogout();
  if (!session) return null;
  return (
    <Space size={12} className="header-actions">
      {showPostSwitcher && <PostSwitcher />}
      <span className="header-account" title={session.account.username}>
        <UserOutlined /> {session.account.name}
      </span>
      <Button type="text" className="header-logout" icon={<LogoutOutlined />} onClick={() => void logout()}>
        退出登录
      </Button>
    </Space>
  );
}
