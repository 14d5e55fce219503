import type { FormInstance } from 'antd';
import { App } from 'antd';
import { useCallback } from 'react';
import { authApi } from '../api/auth';
import { applyFormError } from '../utils/form-errors';
import type { CaptchaState } from './use-captcha';

/**
 * Sends an SMS code for register / reset_password: checks the phone (and username)
 * and the captcha fields first, then asks the server; the captcha is single-use, so it
 * is refreshed after every attempt.
 */
export function useSmsSender(
  form: FormInstance,
  captcha: CaptchaState,
  purpose: 'register' | 'reset_password',
  setFormError: (message: string | null) => void,
) {
  const { message } = App.useApp();
  return useCallback(async (): Promise<boolean> => {
    const fields = purpose === 'reset_password' ? ['username', 'phone', 'captchaAnswer'] : ['phone', 'captchaAnswer'];
    let valid = true;
    try {
      await form.validateFields(fields.filter((f) => f !== 'captchaAnswer'));
    } catch {
      valid = false;
    }
    // The image captcha is needed only to send the code, so it is checked here, not on submit.
    if (!String(form.getFieldValue('captchaAnswer') ?? '').trim()) {
      form.setFields([{ name: 'captchaAnswer', errors: ['请输入图形验证码'] }]);
      valid = false;
    }
    if (!valid) return false;
    const values = form.getFieldsValue(fields) as { username?: string; phone: string; captchaAnswer: string };
    setFormError(null);
    const captchaId = captcha.captcha?.captchaId ?? '';
    // The captcha is single-use: clear the answer and fetch a new image whatever happens.
    form.setFieldValue('captchaAnswer', '');
    void captcha.refresh();
    try {
      await authApi.smsCode({
        purpose,
        phone: values.phone,
        username: purpose === 'reset_password' ? values.username : undefined,
        captchaId,
        captchaAnswer: values.captchaAnswer,
      });
      message.success('验证码已发送，5分钟内有效');
      form.setFields([{ name: 'smsCode', errors: [] }]);
      return true;
    } catch (error) {
      setFormError(
        applyFormError(form, error, {
          codeFields: { CAPTCHA_INVALID: 'captchaAnswer', SMS_TOO_FREQUENT: 'smsCode', SMS_FAILED: 'smsCode' },
        }),
      );
      return false;
    }
  }, [form, captcha, purpose, setFormError, message]);
}
