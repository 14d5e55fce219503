import { Button, Form, Input, Result } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { phoneChangeRequestBodySchema, type IdType } from '@gonghui/contracts';
import { errorMessage } from '../api/client';
import { memberApi } from '../api/endpoints';
import { useCaptcha } from '../components/captcha-field';
import { FormError } from '../components/form-error';
import { IdDocumentFields, pickedIdType } from '../components/id-document-fields';
import { NavPage } from '../components/nav-page';
import { PhoneCodeFields } from '../components/phone-code-fields';
import { SmsSimulatorLink } from '../components/sms-simulator-link';
import { parseInto, showFieldIssues } from '../hooks/form-errors';
import { useSmsSender } from '../hooks/use-sms-sender';

interface Values {
  account: string;
  name: string;
  idType: IdType[];
  idNumber: string;
  newPhone: string;
  captchaAnswer: string;
  smsCode: string;
}

/**
 * 原手机号丢失 (seed 000 FAQ 5): without logging in, the member names the account, proves the new
 * phone by code and gives the name and ID number they verified with; their union decides.
 */
export default function LostPhonePage() {
  const [form] = Form.useForm<Values>();
  // The SMS send spends one captcha, the request another: the image is renewed after each.
  const captcha = useCaptcha('lost-phone');
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ reviewingOrgName: string; newPhoneMasked: string } | null>(null);

  const renewCaptcha = () => {
    form.setFieldValue('captchaAnswer', '');
    void captcha.refresh();
  };

  const sendCode = useSmsSender({
    form,
    captcha,
    purpose: 'change_phone',
    phoneField: 'newPhone',
    phoneLabel: '新手机号',
    sentMessage: '验证码已发送至新手机号，请重新输入图形验证码后提交',
    onError: setError,
  });

  const submit = async () => {
    setError(null);
    const v = form.getFieldsValue();
    const body = parseInto(form, phoneChangeRequestBodySchema, { ...v, idType: pickedIdType(v.idType), captchaId: captcha.id ?? '' });
    if (!body) return;
    setBusy(true);
    try {
      setDone(await memberApi.requestPhoneChange(body));
    } catch (e) {
      if (!showFieldIssues(form, e)) setError(errorMessage(e));
      renewCaptcha();
    } finally {
      setBusy(false);
    }
  };

  if (done)
    return (
      <NavPage title="原手机号丢失">
        <Result
          status="waiting"
          title="已提交，等待工会核实"
          description={`「${done.reviewingOrgName}」核实通过后，即可用新手机号 ${done.newPhoneMasked} 登录。`}
        />
        <div className="page-pad">
          <Button block size="large" onClick={() => navigate('/login', { replace: true })}>
            返回登录
          </Button>
        </div>
      </NavPage>
    );

  return (
    <NavPage title="原手机号丢失">
      <div className="intro-card page-margin">
        <div className="intro-title">原手机号已不能接收短信？</div>
        <div className="muted">填写账号、认证时的姓名和证件号码，并验证新手机号，由您所在的工会核实后更换。还能登录的，请在“我的 → 修改手机号”中直接修改。</div>
      </div>
      <FormError message={error} />
      <Form form={form} layout="horizontal" footer={null} requiredMarkStyle="none" className="plain-form">
        <Form.Item name="account" label="原手机号或用户名">
          <Input placeholder="注册时的手机号或用户名" autoComplete="username" clearable />
        </Form.Item>
        <Form.Item name="name" label="姓名">
          <Input placeholder="会员认证时的姓名" maxLength={50} clearable />
        </Form.Item>
        <IdDocumentFields form={form} />
        <PhoneCodeFields name="newPhone" label="新手机号" captcha={captcha} onSend={sendCode} />
      </Form>
      <div className="page-pad">
        <Button block color="primary" size="large" loading={busy} onClick={submit} className="primary-cta" data-testid="lost-phone-submit">
          提交工会核实
        </Button>
        <div className="center-pad">
          <SmsSimulatorLink />
        </div>
      </div>
    </NavPage>
  );
}
