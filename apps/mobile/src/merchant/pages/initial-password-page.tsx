import { Toast } from 'antd-mobile';
import { useNavigate } from 'react-router-dom';
import { ChangePasswordForm } from '../../components/change-password-form';

/** 首次登录修改密码: the initial password the union handed over works only for this. */
export default function InitialPasswordPage() {
  const navigate = useNavigate();
  return (
    <div className="nav-page">
      <div className="page-title-bar">修改初始密码</div>
      <div className="nav-body">
        <div className="page-pad" style={{ paddingBottom: 0 }}>
          <div className="notice-warn" data-testid="initial-password-notice">
            为保障核销安全，首次登录须修改工会提供的初始密码。修改后即可开始核销，以后请用新密码登录。
          </div>
        </div>
        <ChangePasswordForm
          currentLabel="初始密码"
          currentPlaceholder="工会提供的初始密码"
          submitText="修改并进入"
          onChanged={() => {
            Toast.show({ icon: 'success', content: '密码已修改' });
            navigate('/', { replace: true });
          }}
        />
      </div>
    </div>
  );
}
