import { Toast } from 'antd-mobile';
import { useNavigate } from 'react-router-dom';
import { ChangePasswordForm } from '../components/change-password-form';
import { NavPage } from '../components/nav-page';

/** 修改密码 (我的). */
export default function ChangePasswordPage() {
  const navigate = useNavigate();
  return (
    <NavPage title="修改密码">
      <ChangePasswordForm
        onChanged={() => {
          Toast.show({ icon: 'success', content: '密码已修改' });
          navigate('/me', { replace: true });
        }}
      />
    </NavPage>
  );
}
