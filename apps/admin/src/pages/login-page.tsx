import { Alert, Button, Form, Input } from 'antd';
import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { authApi } from '../api/auth';
import { ApiError } from '../api/client';
import { CaptchaInput } from '../components/captcha-input';
import { FormAlert } from '../components/form-alert';
import { SmsSimulatorLink } from '../components/sms-simulator-link';
import { normalizeTotpCode, TotpCodeInput } from '../components/totp-code-input';
import { useCaptcha } from '../hooks/use-captcha';
import { getLoginNotice } from '../hooks/login-notice';
import { useApplySession } from '../hooks/use-session';
import { AuthLayout } from '../layout/auth-layout';
import { applyFormError } from '../utils/form-errors';
import { totpCodeRule } from '../utils/rules';

interface LoginValues {
  username: string;
  password: string;
  captchaAnswer: string;
  /** Only asked for once the server answered TOTP_REQUIRED. */
  totpCode?: string;
}

export function LoginPage() {
  const [form] = Form.useForm<LoginValues>();
  const captcha = useCaptcha();
  const applySession = useApplySession();
  const [formError, setFormError] = useState<string | null>(null);
  // The account has a second factor: the server asked for the authenticator's code.
  const [needTotp, setNeedTotp] = useState(false);
  const notice = getLoginNotice();

  const login = useMutation({
    mutationFn: (values: LoginValues) =>
      authApi.login({ ...values, captchaId: captcha.captcha?.captchaId ?? '' }),
    onSuccess: (session) => applySession(session, { resetData: true }),
    onError: (error) => {
      // Every attempt spends the captcha, the TOTP answers included.
      form.setFieldValue('captchaAnswer', '');
      void captcha.refresh();
      const code = error instanceof ApiError ? error.code : null;
      if (code === 'TOTP_REQUIRED') {
        // Username and password were right: show the code field (it takes the focus).
        setNeedTotp(true);
        setFormError(null);
        return;
      }
      if (code === 'TOTP_INVALID') form.setFieldValue('totpCode', '');
      setFormError(
        applyFormError(form, error, { codeFields: { CAPTCHA_INVALID: 'captchaAnswer', TOTP_INVALID: 'totpCode' } }),
      );
      if (code === 'TOTP_INVALID') form.focusField('totpCode');
    },
  });

  return (
    <AuthLayout title="账号登录">
      {notice && !formError && <Alert type={notice === '您已安全退出' ? 'success' : 'warning'} showIcon message={notice} style={{ marginBottom: 16 }} />}
      <Form<LoginValues>
        form={form}
        name="login"
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => {
          setFormError(null);
          login.mutate(values);
        }}
        onValuesChange={(changed: Partial<LoginValues>) => {
          if (formError) setFormError(null);
          // Another account may have no second factor: ask again only if the server does.
          if ('username' in changed && needTotp) {
            setNeedTotp(false);
            form.setFieldValue('totpCode', undefined);
          }
        }}
      >
        <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
          <Input size="large" prefix={<UserOutlined />} placeholder="请输入用户名" autoComplete="username" maxLength={64} />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password size="large" prefix={<LockOutlined />} placeholder="请输入密码" autoComplete="current-password" maxLength={128} />
        </Form.Item>
        {needTotp && (
          <Form.Item
            label="动态验证码"
            name="totpCode"
            normalize={normalizeTotpCode}
            rules={[totpCodeRule]}
            extra="该账号已启用双因素认证，请查看手机身份验证器"
          >
            <TotpCodeInput size="large" prefix={<SafetyOutlined />} autoFocus />
          </Form.Item>
        )}
        <Form.Item label="验证码" name="captchaAnswer" rules={[{ required: true, whitespace: true, message: '请输入验证码' }]}>
          <CaptchaInput captcha={captcha} />
        </Form.Item>
        <FormAlert message={formError} />
        <Button type="primary" htmlType="submit" size="large" block loading={login.isPending}>
          登录
        </Button>
      </Form>
      <div className="auth-links">
        <Link to="/register">注册账号</Link>
        <Link to="/register-enterprise">企业邮箱注册</Link>
        <Link to="/forgot-password">忘记密码</Link>
      </div>
      <div className="auth-sim">
        <SmsSimulatorLink />
      </div>
    </AuthLayout>
  );
}
