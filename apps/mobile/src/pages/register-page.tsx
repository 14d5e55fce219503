import { Button, Checkbox, Form, Input, Picker, Toast } from 'antd-mobile';
import { RightOutline } from 'antd-mobile-icons';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { checkPassword, jinanRegions, passwordPolicy, registerBodySchema } from '@gonghui/contracts';
import { errorMessage } from '../api/client';
import { authApi } from '../api/endpoints';
import { AuthShell } from '../components/auth-shell';
import { useCaptcha } from '../components/captcha-field';
import { FormError } from '../components/form-error';
import { PhoneCodeFields } from '../components/phone-code-fields';
import { parseInto, showFieldIssues } from '../hooks/form-errors';
import { useSmsSender } from '../hooks/use-sms-sender';
import { useSetSession } from '../hooks/session';

interface Values {
  phone: string;
  captchaAnswer: string;
  smsCode: string;
  password: string;
  confirm: string;
  region: string[];
}


/** 注册: phone, captcha (for the SMS), SMS code, password (the console's rules), 所在地区. */
export default function RegisterPage() {
  const [form] = Form.useForm<Values>();
  const captcha = useCaptcha('register');
  const setSession = useSetSession();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [agreed, setAgreed] = useState(false);

  const sendCode = useSmsSender({ form, captcha, purpose: 'register', phoneField: 'phone', phoneLabel: '手机号', sentMessage: '验证码已发送', onError: setError });

  const submit = async () => {
    setError(null);
    const v = form.getFieldsValue();
    const pw = checkPassword(v.password ?? '');
    if (!pw.ok) return form.setFields([{ name: 'password', errors: [pw.reasons.join('；')] }]);
    if (v.password !== v.confirm) return form.setFields([{ name: 'confirm', errors: ['两次输入的密码不一致'] }]);
    const body = parseInto(form, registerBodySchema, { phone: v.phone, smsCode: v.smsCode, password: v.password, region: v.region?.[0] });
    if (!body) return;
    if (!agreed) return setError('请阅读并同意《用户服务协议》和《隐私政策》');
    setBusy(true);
    try {
      setSession(await authApi.register(body));
      Toast.show({ icon: 'success', content: '注册成功' });
      navigate('/', { replace: true });
    } catch (e) {
      if (!showFieldIssues(form, e)) setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthShell
      title="注册账号"
      subtitle="注册后完成工会会员认证，即可领取电子会员卡"
      footer={
        <span>
          已有账号？<Link to="/login">去登录</Link>
        </span>
      }
    >
      <FormError message={error} />
      <Form form={form} layout="vertical" footer={null} requiredMarkStyle="none">
        <PhoneCodeFields name="phone" label="手机号" placeholder="请输入11位手机号" captcha={captcha} onSend={sendCode} />
        <Form.Item
          name="password"
          label="设置密码"
          help={`${passwordPolicy.minLength}–${passwordPolicy.maxLength}位，含大写字母、小写字母、数字、符号中至少${passwordPolicy.minClasses}类，不能是常见弱密码`}
        >
          <Input type="password" placeholder="请设置登录密码" autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="confirm" label="确认密码">
          <Input type="password" placeholder="请再次输入密码" autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="region"
          label="所在地区"
          trigger="onConfirm"
          onClick={(_, picker) => (picker as { current?: { open(): void } }).current?.open()}
          arrowIcon={<RightOutline />}
        >
          <Picker columns={[jinanRegions.map((r) => ({ label: `济南市 ${r}`, value: r }))]} title="选择所在地区">
            {(items) => <span className={items[0] ? '' : 'placeholder'}>{items[0]?.label ?? '请选择所在区县'}</span>}
          </Picker>
        </Form.Item>
      </Form>
      <div className="agree-row">
        <Checkbox checked={agreed} onChange={setAgreed} style={{ '--icon-size': '18px', '--font-size': '13px' } as React.CSSProperties}>
          我已阅读并同意《用户服务协议》和《隐私政策》
        </Checkbox>
      </div>
      <Button block color="primary" size="large" loading={busy} onClick={submit} className="primary-cta">
        注册
      </Button>
    </AuthShell>
  );
}
