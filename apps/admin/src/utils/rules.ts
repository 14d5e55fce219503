/**
 * antd Form rules built from the shared contracts, so the console checks a field the
 * same way the server does and says so in the same words.
 */
import type { FormRule } from 'antd';
import type { ZodType } from 'zod';
import { checkPassword, checkPhone, totpCodeSchema } from '@gonghui/contracts';

/** Validates with a contract schema; empty strings count as "not given". */
export function zodRule(schema: ZodType, options: { emptyAsUndefined?: boolean } = {}): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const input = options.emptyAsUndefined && value === '' ? undefined : value;
      const result = schema.safeParse(input);
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? '格式不正确');
    },
  };
}

export function requiredRule(message: string): FormRule {
  return { required: true, whitespace: true, message };
}

/** An 11-digit mainland mobile number. */
export const mobileRule: FormRule = {
  validator: async (_rule, value: unknown) => {
    if (value === undefined || value === null || value === '') throw new Error('请输入手机号');
    const r = checkPhone(String(value));
    if (!r.ok) throw new Error(r.reason);
  },
};

/** The password policy; `usernameField` names the form field holding the username. */
export function passwordPolicyRule(getUsername: () => string | undefined): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (!value) throw new Error('请输入新密码');
      const r = checkPassword(String(value), getUsername());
      if (!r.ok) throw new Error(r.reasons.join('；'));
    },
  };
}

/** Confirm-password: must equal the field `field`. */
export function sameAsRule(getOther: () => unknown): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (!value) throw new Error('请再次输入新密码');
      if (value !== getOther()) throw new Error('两次输入的密码不一致');
    },
  };
}

/** The 6-digit code shown by an authenticator app. */
export const totpCodeRule: FormRule = {
  validator: async (_rule, value: unknown) => {
    if (value === undefined || value === null || value === '') throw new Error('请输入动态验证码');
    const r = totpCodeSchema.safeParse(value);
    if (!r.success) throw new Error(r.error.issues[0]?.message ?? '动态验证码为6位数字');
  },
};
