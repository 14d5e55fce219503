import { PageContainer } from '@ant-design/pro-components';
import { App, Card } from 'antd';
import { ChangePasswordForm } from '../components/change-password-form';
import { useApplySession, useSession } from '../hooks/use-session';

/** 个人中心 → 修改密码. */
export function ChangePasswordPage() {
  const session = useSession();
  const applySession = useApplySession();
  const { message } = App.useApp();
  return (
    <PageContainer title="修改密码" breadcrumb={{ items: [{ title: '个人中心' }, { title: '修改密码' }] }}>
      <Card>
        <ChangePasswordForm
          username={session.account.username}
          onChanged={(s) => {
            applySession(s);
            message.success('密码已修改，请牢记新密码');
          }}
        />
      </Card>
    </PageContainer>
  );
}
