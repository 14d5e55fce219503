import { Alert, Button, Card, Flex, Form, Typography } from 'antd';
import { ReloadOutlined, SafetyOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { SessionInfo } from '@gonghui/contracts';
import { authApi, type TotpSetup } from '../api/auth';
import { errorMessage } from '../api/client';
import { applyFormError } from '../utils/form-errors';
import { totpCodeRule } from '../utils/rules';
import { FormAlert } from './form-alert';
import { normalizeTotpCode, TotpCodeInput } from './totp-code-input';

/**
 * "绑定身份验证器": 开始绑定 fetches a new secret and its QR code; a code from the app
 * confirms it (确认绑定). Nothing is enabled until the code is accepted.
 */
export function TotpEnrolCard({ title = '绑定身份验证器', onEnabled }: { title?: string; onEnabled: (s: SessionInfo) => void }) {
  const [form] = Form.useForm<{ code: string }>();
  const [setupData, setSetupData] = useState<TotpSetup | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const setup = useMutation({
    mutationFn: authApi.totpSetup,
    onSuccess: (data) => {
      form.resetFields();
      setFormError(null);
      setSetupData(data);
    },
  });
  const enable = useMutation({
    mutationFn: (code: string) => authApi.totpEnable({ code }),
    onSuccess: onEnabled,
    onError: (error) => {
      form.setFieldValue('code', '');
      setFormError(applyFormError(form, error, { codeFields: { TOTP_INVALID: 'code' } }));
    },
  });

  const start = (
    <Button type="primary" icon={<SafetyOutlined />} loading={setup.isPending} onClick={() => setup.mutate()}>
      开始绑定
    </Button>
  );

  const restart = (
    <Button type="link" icon={<ReloadOutlined />} loading={setup.isPending} onClick={() => setup.mutate()}>
      重新生成二维码
    </Button>
  );

  return (
    <Card title={title} extra={setupData && restart}>
      {!setupData ? (
        <>
          <Typography.Paragraph>
            启用后，登录时除密码外还须输入手机身份验证器中的6位动态验证码，即使密码泄露，他人也无法登录您的账号。
          </Typography.Paragraph>
          <FormAlert message={setup.error ? errorMessage(setup.error) : null} />
          {start}
        </>
      ) : (
        <div className="totp-enrol">
          <div className="totp-qr-box">
            <img src={setupData.qrDataUrl} alt="身份验证器二维码" data-testid="totp-qr" width={200} height={200} />
          </div>
          <div className="totp-enrol-main">
            <ol className="totp-steps">
              <li>
                在手机上安装身份验证器，如微信小程序“腾讯身份验证器”、Google Authenticator 或 Microsoft Authenticator。
              </li>
              <li>用身份验证器扫描左侧二维码；无法扫描时，选择手动输入以下密钥（基于时间）：</li>
            </ol>
            <div className="totp-secret">
              <Typography.Text data-testid="totp-secret" className="mono" copyable={{ text: setupData.secret, tooltips: ['复制密钥', '已复制'] }}>
                {setupData.secret}
              </Typography.Text>
            </div>
            <ol className="totp-steps" start={3}>
              <li>输入身份验证器中显示的6位动态验证码，完成绑定。</li>
            </ol>
            <Form
              form={form}
              name="totp-enable"
              layout="vertical"
              onFinish={({ code }) => {
                setFormError(null);
                enable.mutate(code);
              }}
            >
              <Flex gap={12} align="flex-start">
                <Form.Item label="动态验证码" name="code" required normalize={normalizeTotpCode} rules={[totpCodeRule]} style={{ width: 280 }}>
                  <TotpCodeInput autoFocus />
                </Form.Item>
                {/* An empty label keeps the button level with the input. */}
                <Form.Item label=" " colon={false}>
                  <Button type="primary" htmlType="submit" loading={enable.isPending}>
                    确认绑定
                  </Button>
                </Form.Item>
              </Flex>
            </Form>
            <div>
              <FormAlert message={formError ?? (setup.error ? errorMessage(setup.error) : null)} />
              <Alert type="info" showIcon style={{ maxWidth: 560 }} message="动态验证码每30秒更新一次；提示错误时，请核对手机时间是否准确。" />
            </div>
          </div>
        </div>
      )}
    </Card>
  );
}
