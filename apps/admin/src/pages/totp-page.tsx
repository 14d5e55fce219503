import { PageContainer } from '@ant-design/pro-components';
import { Alert, App, Card, Descriptions, Tag, Typography } from 'antd';
import { TotpDisableForm } from '../components/totp-disable-form';
import { TotpEnrolCard } from '../components/totp-enrol-card';
import { useApplySession, useSession } from '../hooks/use-session';

/** 个人中心 → 双因素认证: status, enrolment, and (unless the post requires it) switching it off. */
export function TotpPage() {
  const session = useSession();
  const applySession = useApplySession();
  const { message } = App.useApp();

  return (
    <PageContainer title="双因素认证" breadcrumb={{ items: [{ title: '个人中心' }, { title: '双因素认证' }] }}>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label="状态">
            {session.totpEnabled ? <Tag color="success">已启用</Tag> : <Tag>未启用</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label="说明">
            <Typography.Text type="secondary">
              启用后，登录时除用户名和密码外，还须输入手机身份验证器中每30秒更新的6位动态验证码。
              {session.totpRequired && '您持有平台运营岗位，必须启用双因素认证。'}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {!session.totpEnabled ? (
        <TotpEnrolCard
          onEnabled={(s) => {
            applySession(s);
            message.success('双因素认证已启用，下次登录时请输入动态验证码');
          }}
        />
      ) : (
        <Card title="停用双因素认证">
          {session.totpRequired ? (
            <Alert type="info" showIcon message="平台运营岗位必须启用双因素认证，不能停用。" />
          ) : (
            <>
              <Alert type="warning" showIcon style={{ marginBottom: 16, maxWidth: 640 }} message="停用后，仅凭密码即可登录您的账号，安全性会降低。" />
              <TotpDisableForm
                onDisabled={(s) => {
                  applySession(s);
                  message.success('双因素认证已停用');
                }}
              />
            </>
          )}
        </Card>
      )}
    </PageContainer>
  );
}
