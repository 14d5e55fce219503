import type { z } from 'zod';
import type {
  SessionInfo,
  bindPostBodySchema,
  captchaResponseSchema,
  changePasswordBodySchema,
  loginBodySchema,
  okSchema,
  registerBodySchema,
  resetPasswordBodySchema,
  smsCodeBodySchema,
  switchPostBodySchema,
  totpDisableBodySchema,
  totpEnableBodySchema,
  totpSetupSchema,
} from '@gonghui/contracts';
import { api } from './client';

export type Captcha = z.infer<typeof captchaResponseSchema>;
export type LoginBody = z.input<typeof loginBodySchema>;
export type ChangePasswordBody = z.input<typeof changePasswordBodySchema>;
export type SmsCodeBody = z.input<typeof smsCodeBodySchema>;
export type RegisterBody = z.input<typeof registerBodySchema>;
export type ResetPasswordBody = z.input<typeof resetPasswordBodySchema>;
export type Ok = z.infer<typeof okSchema>;

/** A new authenticator secret (base32), its otpauth:// URI and QR code (data: PNG). */
export type TotpSetup = z.infer<typeof totpSetupSchema>;
export type TotpDisableBody = z.input<typeof totpDisableBodySchema>;

export interface SimulatedSms {
  phoneMasked: string;
  text: string;
  sentAt: string;
}

export const authApi = {
  captcha: () => api.get<Captcha>('/api/auth/captcha'),
  /** The current session, or null when nobody is logged in. */
  session: () => api.get<SessionInfo>('/api/auth/session', undefined, { silent401: true }),
  login: (body: LoginBody) => api.post<SessionInfo>('/api/auth/login', body),
  logout: () => api.post<unknown>('/api/auth/logout'),
  changePassword: (body: ChangePasswordBody) => api.post<SessionInfo>('/api/auth/change-password', body),
  switchPost: (body: z.input<typeof switchPostBodySchema>) => api.post<SessionInfo>('/api/auth/switch-post', body),
  smsCode: (body: SmsCodeBody) => api.post<Ok>('/api/auth/sms-code', body),
  register: (body: RegisterBody) => api.post<SessionInfo>('/api/auth/register', body),
  resetPassword: (body: ResetPasswordBody) => api.post<Ok>('/api/auth/reset-password', body),
  bindPost: (body: z.input<typeof bindPostBodySchema>) => api.post<SessionInfo>('/api/me/posts/bind', body),
  totpSetup: () => api.post<TotpSetup>('/api/me/totp/setup'),
  totpEnable: (body: z.input<typeof totpEnableBodySchema>) => api.post<SessionInfo>('/api/me/totp/enable', body),
  totpDisable: (body: TotpDisableBody) => api.post<SessionInfo>('/api/me/totp/disable', body),
  simulatedSms: () => api.get<{ items: SimulatedSms[] }>('/api/sim/sms'),
};
