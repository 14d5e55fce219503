import { Alert, Card } from 'antd';
import { ChangePasswordForm } from '../components/change-password-form';
import { useApplySession, useSession } from '../hooks/use-session';
import { SimpleLayout } from '../layout/simple-layout';

/** Shown alone while the password is an initial one or has expired. */
export function ForceChangePasswordPage() {
  const session = useSession();
  const applySession = useApplySession();
  const reason = session.mustChangePassword
    ? '为保障账号安全，首次登录或密码被重置后，须先修改初始密码才能使用工作平台。'
    : '您的密码已超过90天未修改（等级保护要求），请修改密码后继续使用。';
  return (
    <SimpleLayout>
      <Card title="修改初始密码" style={{ maxWidth: 640, margin: '24px auto' }}>
        <Alert type="warning" showIcon message={reason} style={{ marginBottom: 16 }} />
        <ChangePasswordForm username={session.account.username} onChanged={(s) => applySession(s, { resetData: true })} />
      </Card>
    </SimpleLayout>
  );
}
