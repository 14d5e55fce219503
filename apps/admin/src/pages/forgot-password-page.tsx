import { Button, Form, Input, Result } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { authApi } from '../api/auth';
import { CaptchaInput } from '../components/captcha-input';
import { FormAlert } from '../components/form-alert';
import { PasswordRules } from '../components/password-rules';
import { SmsCodeInput } from '../components/sms-code-input';
import { SmsSimulatorLink } from '../components/sms-simulator-link';
import { useCaptcha } from '../hooks/use-captcha';
import { useSmsSender } from '../hooks/use-sms-sender';
import { AuthLayout } from '../layout/auth-layout';
import { applyFormError } from '../utils/form-errors';
import { mobileRule, passwordPolicyRule, sameAsRule } from '../utils/rules';

interface ResetValues {
  username: string;
  phone: string;
  captchaAnswer: string;
  smsCode: string;
  newPassword: string;
  confirmPassword: string;
}

export function ForgotPasswordPage() {
  const [form] = Form.useForm<ResetValues>();
  const captcha = useCaptcha();
  const navigate = useNavigate();
  const [formError, setFormError] = useState<string | null>(null);
  const sendSms = useSmsSender(form, captcha, 'reset_password', setFormError);

  const reset = useMutation({
    mutationFn: (v: ResetValues) =>
      authApi.resetPassword({ username: v.username, phone: v.phone, smsCode: v.smsCode, newPassword: v.newPassword }),
    onError: (error) =>
      setFormError(
        applyFormError(form, error, {
          codeFields: { SMS_CODE_INVALID: 'smsCode', PASSWORD_WEAK: 'newPassword', PASSWORD_REUSED: 'newPassword' },
          aliases: { password: 'newPassword' },
        }),
      ),
  });

  if (reset.isSuccess) {
    return (
      <AuthLayout title="忘记密码">
        <Result
          status="success"
          title="密码已重置"
          subTitle="请使用新密码登录。"
          extra={
            <Button type="primary" onClick={() => navigate('/login', { replace: true })}>
              返回登录
            </Button>
          }
        />
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title="忘记密码" width={520}>
      <PasswordRules />
      <Form<ResetValues>
        form={form}
        name="reset-password"
        layout="vertical"
        onFinish={(values) => {
          setFormError(null);
          reset.mutate(values);
        }}
      >
        <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
          <Input size="large" autoComplete="username" maxLength={64} />
        </Form.Item>
        <Form.Item label="绑定的手机号" name="phone" required rules={[mobileRule]} extra="请输入注册时绑定的手机号">
          <Input size="large" autoComplete="tel" maxLength={20} />
        </Form.Item>
        <Form.Item label="图形验证码" name="captchaAnswer" extra="获取短信验证码前，请先输入图形验证码">
          <CaptchaInput captcha={captcha} />
        </Form.Item>
        <Form.Item label="短信验证码" name="smsCode" rules={[{ required: true, message: '请输入短信验证码' }, { pattern: /^\d{6}$/, message: '短信验证码为6位数字' }]}>
          <SmsCodeInput onSend={sendSms} />
        </Form.Item>
        <Form.Item
          label="新密码"
          name="newPassword"
          required
          dependencies={['username']}
          rules={[passwordPolicyRule(() => form.getFieldValue('username'))]}
        >
          <Input.Password size="large" autoComplete="new-password" maxLength={64} />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirmPassword"
          required
          dependencies={['newPassword']}
          rules={[sameAsRule(() => form.getFieldValue('newPassword'))]}
        >
          <Input.Password size="large" autoComplete="new-password" maxLength={64} />
        </Form.Item>
        <FormAlert message={formError} />
        <Button type="primary" htmlType="submit" size="large" block loading={reset.isPending}>
          重置密码
        </Button>
      </Form>
      <div className="auth-links">
        <Link to="/login">返回登录</Link>
        <SmsSimulatorLink />
      </div>
    </AuthLayout>
  );
}
