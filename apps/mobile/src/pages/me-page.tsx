import { List } from 'antd-mobile';
import { FileOutline, LockOutline, PhonebookOutline, SetOutline, TeamOutline, UserContactOutline } from 'antd-mobile-icons';
import { useNavigate } from 'react-router-dom';
import { verificationStatusLabels } from '@gonghui/contracts';
import { useSession, useVerification } from '../hooks/session';
import { useLogout } from '../hooks/use-logout';

/** 我的: who I am, and my data, phone, password, consents, logout. */
export default function MePage() {
  const navigate = useNavigate();
  const session = useSession();
  const verification = useVerification();
  const logout = useLogout();
  const v = verification.data;
  const account = session.data?.account;
  const name = v?.status === 'approved' ? v.name : (account?.name ?? '会员');

  return (
    <div className="me">
      <section className="me-hero">
        <div className="avatar" aria-hidden="true">{(name ?? '会').slice(-2)}</div>
        <div>
          <div className="me-name" data-testid="me-name">{name}</div>
          <div className="me-sub">{account?.phoneMasked ?? account?.username}</div>
          <button type="button" className={`me-badge ${v?.status === 'approved' ? 'ok' : ''}`} onClick={() => navigate('/verify')}>
            {v ? verificationStatusLabels[v.status] : '…'}
            {v?.status === 'approved' && v.orgName ? ` · ${v.orgName}` : ''}
          </button>
        </div>
      </section>
      <div className="me-body">
        <List className="me-list">
          <List.Item prefix={<UserContactOutline />} onClick={() => navigate('/me/profile')}>我的资料</List.Item>
          <List.Item prefix={<TeamOutline />} onClick={() => navigate('/applications')}>入会转会</List.Item>
          <List.Item prefix={<FileOutline />} onClick={() => navigate('/me/consents')}>我的授权</List.Item>
        </List>
        <List className="me-list">
          <List.Item prefix={<PhonebookOutline />} extra={account?.phoneMasked} onClick={() => navigate('/me/phone')}>修改手机号</List.Item>
          <List.Item prefix={<LockOutline />} onClick={() => navigate('/me/password')}>修改密码</List.Item>
          <List.Item prefix={<SetOutline />} extra={account?.username} arrowIcon={false}>账号</List.Item>
        </List>
        <button type="button" className="logout-button" onClick={logout} data-testid="logout">
          退出登录
        </button>
      </div>
    </div>
  );
}
