import { z } from 'zod';
import { captchaSchema, phoneInputSchema, registerBodySchema, smsCodeSchema } from './auth.contract.js';
import { optionalText, textField } from './common.js';
import { educations, householdTypes, membershipStatuses, skillLevels } from './members.contract.js';
import { checkIdNumber, idTypes, type IdType } from './rules/index.js';

/**
 * The member app's own API (issue 5): real-name verification (工会会员认证), the electronic member
 * card (电子会员卡), and the member's own account and data.
 */

/** 所在地区 at registration: Jinan's districts and counties as the city federation lists them (seed 000 FAQ). */
export const jinanRegions = registerBodySchema.shape.region.unwrap().options;
export type JinanRegion = (typeof jinanRegions)[number];

const documentShape = {
  name: textField('姓名', 50),
  idType: z.enum(idTypes, { message: '请选择证件类型' }).default('resident_id'),
  idNumber: z.string({ message: '请填写证件号码' }).trim().min(1, { message: '请填写证件号码' }).max(64, { message: '证件号码过长' }),
};
const checkDocument = <T extends { idType: string; idNumber: string }>(v: T, ctx: z.RefinementCtx) => {
  const r = checkIdNumber(v.idNumber, v.idType as IdType);
  if (!r.ok) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: r.reason });
};

/** The version of the authorisation text a member agrees to when verifying (会员信息授权). */
export const VERIFICATION_CONSENT_VERSION = '2026-11';

/** 工会会员认证: name and document, matched to a membership; the member agrees to share with their union. */
export const verificationBodySchema = z
  .object({
    ...documentShape,
    agreed: z.literal(true, { message: '请阅读并同意《会员信息授权书》' }),
  })
  .superRefine(checkDocument);
export type VerificationBody = z.infer<typeof verificationBodySchema>;

/** none → pending → approved | returned | withdrawn; approved → revoked (by the union). */
export const verificationStatuses = ['none', 'pending', 'approved', 'returned', 'withdrawn', 'revoked'] as const;
export type VerificationStatus = (typeof verificationStatuses)[number];
export const verificationStatusLabels: Record<VerificationStatus, string> = {
  none: '未认证',
  pending: '审核中',
  approved: '已认证',
  returned: '未通过',
  withdrawn: '已撤回',
  revoked: '已解除',
};

export const verificationSchema = z.object({
  id: z.uuid().nullable(),
  status: z.enum(verificationStatuses),
  name: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  /** The base union the membership belongs to, which reviews. */
  orgName: z.string().nullable(),
  /** While pending: the union that has to act (ask them if it takes long). */
  reviewingOrgName: z.string().nullable(),
  /** Why it was returned or revoked. */
  reason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type Verification = z.infer<typeof verificationSchema>;

export const revokeVerificationBodySchema = z.object({ reason: textField('解除原因', 200) });

/** 电子会员卡: what the card shows, and a short-lived signed token for its QR code. */
export const memberCardSchema = z.object({
  name: z.string(),
  idNumberMasked: z.string(),
  orgName: z.string(),
  memberNo: z.string(),
  status: z.enum(membershipStatuses),
  token: z.string(),
  /** The server's time when the token was signed: with `expiresAt`, the token's lifetime whatever the phone's clock says. */
  issuedAt: z.string(),
  expiresAt: z.string(),
});
export type MemberCard = z.infer<typeof memberCardSchema>;

export const cardVerifyBodySchema = z.object({ token: z.string().trim().min(1, { message: '请扫描会员卡二维码' }).max(512, { message: '二维码内容无效' }) });
export const cardVerifyResults = ['valid', 'expired', 'invalid'] as const;
export const cardVerifyResultSchema = z.object({
  result: z.enum(cardVerifyResults),
  message: z.string(),
  /** Only for a valid card: the name masked, the union and the status as the card face shows them. */
  member: z.object({ nameMasked: z.string(), orgName: z.string(), status: z.enum(membershipStatuses) }).nullable(),
});

/** 修改手机号 while the member can still log in: password, and a code sent to the new number (POST /api/auth/sms-code, purpose change_phone). */
export const changePhoneBodySchema = z.object({
  password: z.string().min(1, { message: '请输入登录密码' }).max(128, { message: '密码不正确' }),
  newPhone: phoneInputSchema,
  smsCode: smsCodeSchema,
});

/**
 * The old phone is lost and the member cannot log in (seed 000 FAQ 5): the account (username or
 * old phone), a code to the new phone, and the verified name and document; the base union decides.
 */
export const phoneChangeRequestBodySchema = z
  .object({
    account: z.string().trim().min(1, { message: '请输入原手机号或用户名' }).max(64, { message: '原手机号或用户名不正确' }),
    newPhone: phoneInputSchema,
    smsCode: smsCodeSchema,
    ...documentShape,
  })
  .extend(captchaSchema.shape)
  .superRefine(checkDocument);
export const phoneChangeRequestSchema = z.object({ id: z.uuid(), status: z.literal('pending'), reviewingOrgName: z.string(), newPhoneMasked: z.string() });

/** The member's own data: name and document are shown, never editable here. */
export const myProfileSchema = z.object({
  name: z.string(),
  idType: z.enum(idTypes),
  idNumberMasked: z.string(),
  sex: z.string(),
  birthDate: z.string(),
  phoneMasked: z.string().nullable(),
  address: z.string().nullable(),
  education: z.string().nullable(),
  householdType: z.enum(householdTypes).nullable(),
  migrantWorker: z.boolean().nullable(),
  skillLevel: z.string().nullable(),
  orgName: z.string(),
  memberNo: z.string(),
  status: z.enum(membershipStatuses),
  workUnitName: z.string().nullable(),
});
export type MyProfile = z.infer<typeof myProfileSchema>;

/** Fields a member may correct; anything else (name, document, union) is refused. */
export const updateMyProfileBodySchema = z.strictObject(
  {
    address: optionalText('联系地址', 100),
    education: z.enum(educations, { message: '请选择学历' }).optional().nullable(),
    householdType: z.enum(householdTypes, { message: '请选择户籍类型' }).optional().nullable(),
    migrantWorker: z.boolean({ message: '请选择是否农民工' }).optional().nullable(),
    skillLevel: z.enum(skillLevels, { message: '请选择技术等级' }).optional().nullable(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? '姓名、证件号码、所在工会等信息不能自行修改，如有错误请联系所在工会' : undefined) },
);

export const consentRecipients = ['base_union'] as const;
export const consentSchema = z.object({
  recipient: z.enum(consentRecipients),
  recipientName: z.string(),
  /** What is shared, in words the member reads. */
  scope: z.string(),
  version: z.string(),
  consentedAt: z.string(),
  withdrawnAt: z.string().nullable(),
});
export const consentListSchema = z.object({ items: z.array(consentSchema) });
