import { Alert } from 'antd';
import { TotpEnrolCard } from '../components/totp-enrol-card';
import { useApplySession, useSession } from '../hooks/use-session';
import { SimpleLayout } from '../layout/simple-layout';

/** Shown alone while a platform operator has no authenticator yet. */
export function ForceTotpPage() {
  const session = useSession();
  const applySession = useApplySession();
  return (
    <SimpleLayout>
      <div style={{ maxWidth: 860, margin: '24px auto' }}>
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message="平台运营岗位须启用双因素认证"
          description={`${session.account.name}，您好！您持有市总工会岗位，为保障平台和会员数据安全，须先绑定身份验证器才能使用工作平台。绑定后，每次登录除密码外还须输入身份验证器中的动态验证码。`}
        />
        <TotpEnrolCard onEnabled={(s) => applySession(s, { resetData: true })} />
      </div>
    </SimpleLayout>
  );
}
