import { z } from 'zod';
import { textField } from './common.js';

// Kept here (not imported from member-app.contract) so the two contracts do not import each other.
const jinanRegionList = ['历下区', '市中区', '槐荫区', '天桥区', '历城区', '长清区', '章丘区', '济阳区', '莱芜区', '钢城区', '平阴县', '商河县', '高新区', '南部山区', '起步区'] as const;

/** Roles a post can carry; duties are separated (SECURITY.md). */
export const roles = ['operator', 'security_admin', 'audit_admin'] as const;
export type Role = (typeof roles)[number];
export const roleLabels: Record<Role, string> = {
  operator: '业务管理员',
  security_admin: '安全管理员',
  audit_admin: '审计管理员',
};

/** What each role may do; the server checks these and the console builds its menu from them. */
export const permissions = [
  'org.read',
  'org.write',
  'activationCode.manage',
  'account.manage',
  'audit.read',
  'member.read',
  'member.write',
  'member.reveal',
  'review.act',
  'mutualAid.read',
  'mutualAid.write',
  /** 普惠活动: merchants, coupons, activities, settlement. */
  'benefit.manage',
] as const;
export type Permission = (typeof permissions)[number];
export const rolePermissions: Record<Role, readonly Permission[]> = {
  operator: ['org.read', 'org.write', 'activationCode.manage', 'member.read', 'member.write', 'member.reveal', 'review.act', 'mutualAid.read', 'mutualAid.write', 'benefit.manage'],
  security_admin: ['org.read', 'account.manage', 'activationCode.manage'],
  audit_admin: ['audit.read'],
};

export const usernameSchema = z
  .string({ message: '请填写用户名' })
  .trim()
  .min(4, { message: '用户名至少4位' })
  .max(64, { message: '用户名不能超过64位' })
  .regex(/^[A-Za-z0-9_.@-]+$/, { message: '用户名只能包含字母、数字及 _ . @ -' });

export const captchaSchema = z.object({
  captchaId: z.uuid({ message: '请刷新验证码' }),
  captchaAnswer: z.string().trim().min(1, { message: '请输入验证码' }).max(10, { message: '验证码不正确' }),
});

export const loginBodySchema = z
  .object({
    /** A username, or the phone number the account registered with (member app: 手机号登录). */
    username: z.string().trim().min(1, { message: '请输入用户名或手机号' }).max(64, { message: '用户名或手机号不正确' }),
    password: z.string().min(1, { message: '请输入密码' }).max(128, { message: '密码不正确' }),
    /** The authenticator's 6-digit code, for accounts with a second factor. */
    totpCode: z
      .string()
      .trim()
      .regex(/^(\d{6})?$/, { message: '动态验证码为6位数字' })
      .optional(),
  })
  .extend(captchaSchema.shape);
export type LoginBody = z.infer<typeof loginBodySchema>;

export const captchaResponseSchema = z.object({ captchaId: z.uuid(), svg: z.string() });

export const postSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  orgKind: z.string(),
  role: z.enum(roles),
});
export type PostDto = z.infer<typeof postSchema>;

export const sessionInfoSchema = z.object({
  account: z.object({
    id: z.uuid(),
    username: z.string(),
    name: z.string(),
    phoneMasked: z.string().nullable(),
    /** 所在地区 chosen at registration (member app), if any. */
    region: z.string().nullable().optional(),
  }),
  posts: z.array(postSchema),
  activePost: postSchema.nullable(),
  permissions: z.array(z.enum(permissions)),
  mustChangePassword: z.boolean(),
  passwordExpired: z.boolean(),
  /** A second factor is enrolled. */
  totpEnabled: z.boolean(),
  /** The account must have one (platform operators: a post at the city federation). */
  totpRequired: z.boolean(),
  csrfToken: z.string(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const changePasswordBodySchema = z.object({
  currentPassword: z.string().min(1, { message: '请输入原密码' }).max(128),
  newPassword: z.string().min(1, { message: '请输入新密码' }).max(128, { message: '密码不能超过128位' }),
});

export const switchPostBodySchema = z.object({ postId: z.uuid({ message: '岗位不正确' }) });

/** change_phone: a code to the number an account moves to (修改手机号). */
export const smsPurposes = ['register', 'reset_password', 'change_phone'] as const;
export const phoneInputSchema = z.string({ message: '请输入手机号' }).trim().min(1, { message: '请输入手机号' }).max(32, { message: '手机号格式不正确' });

export const smsCodeBodySchema = z
  .object({
    purpose: z.enum(smsPurposes),
    phone: phoneInputSchema,
    username: z.string().trim().max(64).optional(),
  })
  .extend(captchaSchema.shape);

export const smsCodeSchema = z.string().trim().regex(/^\d{6}$/, { message: '短信验证码为6位数字' });

/**
 * Registration. The member app (seed 001 annex 2) asks only phone, code, password and region:
 * without a username one is generated (the member logs in by phone), without a name the account
 * is called 会员 until real-name verification.
 */
export const registerBodySchema = z.object({
  username: usernameSchema.optional(),
  name: textField('姓名', 32).optional(),
  phone: phoneInputSchema,
  smsCode: smsCodeSchema,
  password: z.string().min(1, { message: '请输入密码' }).max(128, { message: '密码不能超过128位' }),
  /** 所在地区: one of Jinan's districts and counties. */
  region: z.enum(jinanRegionList, { message: '请选择所在地区' }).optional(),
});

export const resetPasswordBodySchema = z.object({
  username: z.string().trim().min(1, { message: '请输入用户名' }).max(64),
  phone: phoneInputSchema,
  smsCode: smsCodeSchema,
  newPassword: z.string().min(1, { message: '请输入新密码' }).max(128, { message: '密码不能超过128位' }),
});

export const bindPostBodySchema = z.object({
  code: z.string().trim().min(1, { message: '请输入岗位激活码' }).max(32, { message: '岗位激活码格式不正确' }),
});

export const totpCodeSchema = z.string().trim().regex(/^\d{6}$/, { message: '动态验证码为6位数字' });
export const totpSetupSchema = z.object({ secret: z.string(), otpauthUri: z.string(), qrDataUrl: z.string() });
export const totpEnableBodySchema = z.object({ code: totpCodeSchema });
export const totpDisableBodySchema = z.object({ currentPassword: z.string().min(1, { message: '请输入原密码' }).max(128), code: totpCodeSchema });
