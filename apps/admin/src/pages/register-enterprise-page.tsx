import { Button, Form, Input } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { registerEnterpriseBodySchema } from '@gonghui/contracts';
import { orgLifecycleApi } from '../api/org-lifecycle';
import { CaptchaInput } from '../components/captcha-input';
import { FormAlert } from '../components/form-alert';
import { NewPasswordFields } from '../components/new-password-fields';
import { PasswordRules } from '../components/password-rules';
import { useCaptcha } from '../hooks/use-captcha';
import { useApplySession } from '../hooks/use-session';
import { AuthLayout } from '../layout/auth-layout';
import { applyFormError } from '../utils/form-errors';
import { zodRule } from '../utils/rules';

interface Values {
  email: string;
  unitName: string;
  password: string;
  confirmPassword: string;
  captchaAnswer: string;
}

/**
 * 企业注册 (seed 002 §1): the enterprise's e-mail is the account; the unit name is matched in
 * the statistics database, whose record then prefills the filing form (基层工会资料上报).
 */
export function RegisterEnterprisePage() {
  const [form] = Form.useForm<Values>();
  const captcha = useCaptcha();
  const applySession = useApplySession();
  const [formError, setFormError] = useState<string | null>(null);

  const register = useMutation({
    mutationFn: (v: Values) =>
      orgLifecycleApi.registerEnterprise({ email: v.email, unitName: v.unitName, password: v.password, captchaId: captcha.captcha?.captchaId ?? '', captchaAnswer: v.captchaAnswer }),
    // The session has no post: the console opens the page that offers filing the union.
    onSuccess: ({ statistics: _s, ...session }) => applySession(session, { resetData: true }),
    onError: (error) => {
      form.setFieldValue('captchaAnswer', '');
      void captcha.refresh();
      setFormError(applyFormError(form, error, { codeFields: { USERNAME_TAKEN: 'email', CAPTCHA_INVALID: 'captchaAnswer', PASSWORD_WEAK: 'password' } }));
    },
  });

  return (
    <AuthLayout title="企业注册（邮箱）" width={520}>
      <PasswordRules />
      <Form<Values>
        form={form}
        name="register-enterprise"
        layout="vertical"
        onFinish={(values) => {
          setFormError(null);
          register.mutate(values);
        }}
      >
        <Form.Item label="企业邮箱" name="email" required rules={[zodRule(registerEnterpriseBodySchema.shape.email)]} extra="邮箱即登录账号">
          <Input size="large" autoComplete="email" maxLength={64} placeholder="如 hr@example.com" />
        </Form.Item>
        <Form.Item
          label="单位名称"
          name="unitName"
          required
          rules={[zodRule(registerEnterpriseBodySchema.shape.unitName)]}
          extra="请填写营业执照上的全称；注册时将比对大统计库，比对到的单位信息会自动带入资料上报表"
        >
          <Input size="large" maxLength={100} />
        </Form.Item>
        <NewPasswordFields name="password" label="密码" confirmLabel="确认密码" username={{ field: 'email' }} size="large" />
        <Form.Item label="验证码" name="captchaAnswer" rules={[{ required: true, whitespace: true, message: '请输入验证码' }]}>
          <CaptchaInput captcha={captcha} />
        </Form.Item>
        <FormAlert message={formError} />
        <Button type="primary" htmlType="submit" size="large" block loading={register.isPending}>
          注册
        </Button>
      </Form>
      <div className="auth-links">
        <Link to="/login">已有账号？返回登录</Link>
        <Link to="/register">个人手机号注册</Link>
      </div>
    </AuthLayout>
  );
}
