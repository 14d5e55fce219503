import { Toast } from 'antd-mobile';
import { useNavigate } from 'react-router-dom';
import { ChangePasswordForm } from '../../components/change-password-form';
import { NavPage } from '../../components/nav-page';

/** 修改密码, any time after the first. */
export default function MerchantChangePasswordPage() {
  const navigate = useNavigate();
  return (
    <NavPage title="修改密码" back="/">
      <ChangePasswordForm
        onChanged={() => {
          Toast.show({ icon: 'success', content: '密码已修改' });
          navigate('/', { replace: true });
        }}
      />
    </NavPage>
  );
}
