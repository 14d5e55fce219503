import type { z } from 'zod';
import type {
  Application,
  ApplicationBody,
  IdType,
  MemberCard,
  MyProfile,
  MutualAidPolicy,
  SessionInfo,
  UnionHit,
  Verification,
  applicationBodySchema,
  captchaResponseSchema,
  consentListSchema,
  loginBodySchema,
  phoneChangeRequestBodySchema,
  phoneChangeRequestSchema,
  registerBodySchema,
  smsCodeBodySchema,
  updateMyProfileBodySchema,
} from '@gonghui/contracts';
import { api } from './client';

export type Captcha = z.infer<typeof captchaResponseSchema>;
export type LoginBody = z.input<typeof loginBodySchema>;
export type RegisterBody = z.input<typeof registerBodySchema>;
export type SmsCodeBody = z.input<typeof smsCodeBodySchema>;
export type ProfilePatch = z.input<typeof updateMyProfileBodySchema>;
export type ConsentList = z.infer<typeof consentListSchema>;
export type PhoneChangeRequestBody = z.infer<typeof phoneChangeRequestBodySchema>;
export type PhoneChangeRequest = z.infer<typeof phoneChangeRequestSchema>;
export type ApplicationInput = z.input<typeof applicationBodySchema>;
export type { Application, ApplicationBody, MemberCard, MyProfile, SessionInfo, UnionHit, Verification };

export interface SimulatedSms {
  phoneMasked: string;
  text: string;
  sentAt: string;
}

export const authApi = {
  captcha: () => api.get<Captcha>('/api/auth/captcha'),
  session: () => api.get<SessionInfo>('/api/auth/session', undefined, true),
  login: (body: LoginBody) => api.post<SessionInfo>('/api/auth/login', body),
  logout: () => api.post<unknown>('/api/auth/logout'),
  smsCode: (body: SmsCodeBody) => api.post<{ ok: true }>('/api/auth/sms-code', body),
  register: (body: RegisterBody) => api.post<SessionInfo>('/api/auth/register', body),
  changePassword: (body: { currentPassword: string; newPassword: string }) => api.post<SessionInfo>('/api/auth/change-password', body),
  simulatedSms: () => api.get<{ items: SimulatedSms[] }>('/api/sim/sms'),
};

export const memberApi = {
  verification: () => api.get<Verification>('/api/me/verification'),
  verify: (body: { name: string; idType: IdType; idNumber: string; agreed: true }) => api.post<Verification>('/api/me/verification', body),
  withdrawVerification: () => api.post<Verification>('/api/me/verification/withdraw'),
  card: () => api.get<MemberCard>('/api/me/card'),
  profile: () => api.get<MyProfile>('/api/me/profile'),
  updateProfile: (body: ProfilePatch) => api.patch<MyProfile>('/api/me/profile', body),
  changePhone: (body: { password: string; newPhone: string; smsCode: string }) => api.post<{ ok: true }>('/api/me/phone', body),
  /** Old phone lost, not logged in: the union verifies and decides. */
  requestPhoneChange: (body: PhoneChangeRequestBody) => api.post<PhoneChangeRequest>('/api/phone-change-requests', body),
  consents: () => api.get<ConsentList>('/api/me/consents'),
  searchUnions: (q: string) => api.get<{ items: UnionHit[] }>('/api/unions/search', { q }),
  applications: () => api.get<{ items: Application[] }>('/api/me/applications'),
  apply: (body: ApplicationInput) => api.post<Application>('/api/me/applications', body),
  withdrawApplication: (id: string) => api.post<Application>(`/api/me/applications/${id}/withdraw`),
  /** 我的保障: mutual-aid policies of the verified member. */
  policies: () => api.get<{ items: MutualAidPolicy[] }>('/api/me/mutual-aid/policies'),
  resubmitApplication: (id: string, payload: { workUnitName: string; reason: string }) =>
    api.post<Application>(`/api/me/applications/${id}/resubmit`, { payload }),
};
