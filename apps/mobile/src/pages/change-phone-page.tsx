import { Button, Form, Input, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { changePhoneBodySchema } from '@gonghui/contracts';
import { errorMessage } from '../api/client';
import { memberApi } from '../api/endpoints';
import { useCaptcha } from '../components/captcha-field';
import { FormError } from '../components/form-error';
import { NavPage } from '../components/nav-page';
import { PhoneCodeFields } from '../components/phone-code-fields';
import { parseInto, showFieldIssues } from '../hooks/form-errors';
import { useSmsSender } from '../hooks/use-sms-sender';
import { SESSION_KEY, useSession } from '../hooks/session';
import { SmsSimulatorLink } from '../components/sms-simulator-link';

interface Values {
  password: string;
  newPhone: string;
  captchaAnswer: string;
  smsCode: string;
}

/** 修改手机号: the login password, and a code sent to the new phone. */
export default function ChangePhonePage() {
  const [form] = Form.useForm<Values>();
  const captcha = useCaptcha('change-phone');
  const session = useSession();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const sendCode = useSmsSender({ form, captcha, purpose: 'change_phone', phoneField: 'newPhone', phoneLabel: '新手机号', sentMessage: '验证码已发送至新手机号', onError: setError });

  const submit = async () => {
    setError(null);
    const body = parseInto(form, changePhoneBodySchema, form.getFieldsValue());
    if (!body) return;
    setBusy(true);
    try {
      await memberApi.changePhone(body);
      await qc.invalidateQueries({ queryKey: SESSION_KEY });
      Toast.show({ icon: 'success', content: '手机号已修改，请用新手机号登录' });
      navigate('/me', { replace: true });
    } catch (e) {
      if (!showFieldIssues(form, e)) setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <NavPage title="修改手机号">
      <div className="intro-card page-margin">
        <div className="intro-title">当前手机号 {session.data?.account.phoneMasked ?? '未绑定'}</div>
        <div className="muted">修改后请用新手机号登录。原手机号已丢失无法接收短信的，可退出后在登录页选择“原手机号丢失”，由所在工会核实后更换。</div>
      </div>
      <FormError message={error} />
      <Form form={form} layout="horizontal" footer={null} requiredMarkStyle="none" className="plain-form">
        <Form.Item name="password" label="登录密码">
          <Input type="password" placeholder="验证身份" autoComplete="current-password" />
        </Form.Item>
        <PhoneCodeFields name="newPhone" label="新手机号" captcha={captcha} onSend={sendCode} />
      </Form>
      <div className="page-pad">
        <Button block color="primary" size="large" loading={busy} onClick={submit} className="primary-cta">
          确认修改
        </Button>
        <div className="center-pad"><SmsSimulatorLink /></div>
      </div>
    </NavPage>
  );
}
