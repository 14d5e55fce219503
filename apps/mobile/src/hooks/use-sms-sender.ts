import { Toast } from 'antd-mobile';
import type { FormInstance } from 'antd-mobile/es/components/form';
import type { SmsCodeBody } from '../api/endpoints';
import { authApi } from '../api/endpoints';
import { errorMessage } from '../api/client';
import type { CaptchaState } from '../components/captcha-field';
import { showFieldIssues } from './form-errors';

const PHONE = /^1[3-9]\d{9}$/;

interface Options {
  form: FormInstance;
  captcha: CaptchaState;
  purpose: SmsCodeBody['purpose'];
  /** The form field holding the phone the code goes to. */
  phoneField: string;
  phoneLabel: string;
  sentMessage: string;
  /** Told null as a send starts (clearing an earlier message), then any message not shown on a field. */
  onError: (message: string | null) => void;
}

/**
 * Sends an SMS code to the phone in a form, answering the image captcha beside it: the checks a
 * member sees before anything is sent, the server's refusals on their fields, and a fresh captcha
 * after every attempt (an answer is good once).
 */
export function useSmsSender({ form, captcha, purpose, phoneField, phoneLabel, sentMessage, onError }: Options) {
  return async (): Promise<boolean> => {
    onError(null);
    const values = form.getFieldsValue();
    const phone = String(values[phoneField] ?? '').trim();
    const captchaAnswer = String(values.captchaAnswer ?? '');
    if (!PHONE.test(phone)) {
      form.setFields([{ name: phoneField, errors: [`请输入11位${phoneLabel}`] }]);
      return false;
    }
    if (!captchaAnswer.trim()) {
      form.setFields([{ name: 'captchaAnswer', errors: ['请先输入图形验证码'] }]);
      return false;
    }
    try {
      await authApi.smsCode({ purpose, phone, captchaId: captcha.id ?? '', captchaAnswer });
      Toast.show({ content: sentMessage, position: 'center' });
      return true;
    } catch (e) {
      if (!showFieldIssues(form, e)) onError(errorMessage(e));
      return false;
    } finally {
      form.setFieldValue('captchaAnswer', '');
      void captcha.refresh();
    }
  };
}
