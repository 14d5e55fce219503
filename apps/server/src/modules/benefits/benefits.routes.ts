import {
  activityCreateBodySchema,
  activityListSchema,
  activityQuerySchema,
  activityRedemptionPageSchema,
  activityRedemptionQuerySchema,
  activitySchema,
  activitySettlementQuerySchema,
  activityUpdateBodySchema,
  benefitVersionBodySchema,
  couponAuthorisationBodySchema,
  couponAuthorisationListSchema,
  couponAuthorisationParamsSchema,
  couponAuthorisationSchema,
  couponCreateBodySchema,
  couponPageSchema,
  couponQuerySchema,
  couponSchema,
  couponUpdateBodySchema,
  idParamsSchema,
  MAX_BENEFIT_IMAGE_BYTES,
  merchantCreateBodySchema,
  merchantImageParamsSchema,
  merchantMeSchema,
  merchantPageSchema,
  merchantQuerySchema,
  merchantSchema,
  merchantSettlementQuerySchema,
  merchantStaffCreateBodySchema,
  merchantStaffCreatedSchema,
  merchantStaffListSchema,
  merchantStaffParamsSchema,
  merchantStaffSchema,
  merchantUpdateBodySchema,
  okSchema,
  settlementSummarySchema,
} from '@gonghui/contracts';
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, callerOf, sessionOf } from '../../platform/auth-context.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { sendXlsx } from '../../platform/files/xlsx-reply.js';
import * as activities from './activities.service.js';
import * as coupons from './coupons.service.js';
import * as staff from './merchant-staff.service.js';
import * as merchants from './merchants.service.js';
import * as settlement from './settlement.service.js';

const access = 'benefit.manage' as const;
const merchantTags = ['普惠活动·商家管理'];
const couponTags = ['普惠活动·优惠券'];
const activityTags = ['普惠活动·活动管理'];

/** The one file of a multipart image upload, read only once the caller's scope is known. */
const imageOf = (req: FastifyRequest) => async (): Promise<Readable> => {
  if (!req.isMultipart()) throw new AppError('FILE_MISSING', undefined, '请选择要上传的图片（PNG 或 JPEG）');
  // One byte over the cap reaches the vault, which refuses it (multipart alone would truncate silently).
  const part = await req.file({ limits: { fileSize: MAX_BENEFIT_IMAGE_BYTES + 1 } }).catch(() => undefined);
  if (!part) throw new AppError('FILE_MISSING', undefined, '请选择要上传的图片（PNG 或 JPEG）');
  return part.file;
};

const sendImage = (reply: FastifyReply, f: { mime: string; size: number; stream: Readable }) =>
  reply.header('Content-Type', f.mime).header('Content-Length', f.size).header('X-Content-Type-Options', 'nosniff').header('Content-Disposition', 'inline').send(f.stream);

/** The console's 普惠活动: merchants, coupons, activities and settlement, within the caller's subtree. */
export function benefitsRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // ---- 商家管理
  r.get('/api/merchants', {
    config: { access },
    schema: { tags: merchantTags, summary: '商家列表（本单位及下级）', querystring: merchantQuerySchema, response: { 200: merchantPageSchema } },
    handler: async (req) => merchants.listMerchants(deps, callerOf(req), req.query),
  });
  r.post('/api/merchants', {
    config: { access },
    schema: { tags: merchantTags, summary: '新增商家（图22–24）', body: merchantCreateBodySchema, response: { 201: merchantSchema } },
    handler: async (req, reply) => reply.code(201).send(await merchants.createMerchant(deps, callerOf(req), actorOf(req), req.body)),
  });
  r.get('/api/merchants/:id', {
    config: { access },
    schema: { tags: merchantTags, summary: '商家详情（手机号已脱敏）', params: idParamsSchema, response: { 200: merchantSchema } },
    handler: async (req) => merchants.getMerchant(deps, callerOf(req), req.params.id),
  });
  r.patch('/api/merchants/:id', {
    config: { access },
    schema: { tags: merchantTags, summary: '修改商家（带 version）', params: idParamsSchema, body: merchantUpdateBodySchema, response: { 200: merchantSchema } },
    handler: async (req) => merchants.updateMerchant(deps, callerOf(req), actorOf(req), req.params.id, req.body),
  });
  for (const status of ['online', 'offline'] as const) {
    r.post(`/api/merchants/:id/${status}`, {
      config: { access },
      schema: { tags: merchantTags, summary: status === 'online' ? '商家上线' : '商家下线', params: idParamsSchema, body: benefitVersionBodySchema, response: { 200: merchantSchema } },
      handler: async (req) => merchants.setMerchantStatus(deps, callerOf(req), actorOf(req), req.params.id, status, req.body.version),
    });
  }
  r.put('/api/merchants/:id/images/:kind', {
    config: { access, rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: { tags: merchantTags, summary: '上传营业执照或商家Logo（multipart；PNG/JPEG，不超过 5 MB）', consumes: ['multipart/form-data'], params: merchantImageParamsSchema, response: { 200: merchantSchema } },
    handler: async (req) => merchants.putMerchantImage(deps, callerOf(req), actorOf(req), req.params.id, req.params.kind, imageOf(req)),
  });
  r.get('/api/merchants/:id/images/:kind', {
    config: { access },
    schema: { tags: merchantTags, summary: '查看营业执照或商家Logo', params: merchantImageParamsSchema },
    handler: async (req, reply) => sendImage(reply, await merchants.openMerchantImage(deps, callerOf(req), req.params.id, req.params.kind)),
  });
  r.get('/api/merchants/:id/staff', {
    config: { access },
    schema: { tags: merchantTags, summary: '商家店员账号', params: idParamsSchema, response: { 200: merchantStaffListSchema } },
    handler: async (req) => staff.listMerchantStaff(deps, callerOf(req), req.params.id),
  });
  r.post('/api/merchants/:id/staff', {
    config: { access },
    schema: { tags: merchantTags, summary: '开通商家店员账号（姓名+手机号；初始密码仅显示一次，首次登录须修改）', params: idParamsSchema, body: merchantStaffCreateBodySchema, response: { 201: merchantStaffCreatedSchema } },
    handler: async (req, reply) => reply.code(201).send(await staff.createMerchantStaff(deps, callerOf(req), actorOf(req), req.params.id, req.body)),
  });
  r.delete('/api/merchants/:id/staff/:staffId', {
    config: { access },
    schema: { tags: merchantTags, summary: '停用商家店员账号', params: merchantStaffParamsSchema, response: { 200: merchantStaffSchema } },
    handler: async (req) => staff.revokeMerchantStaff(deps, callerOf(req), actorOf(req), req.params.id, req.params.staffId),
  });
  r.get('/api/merchants/:id/settlement.xlsx', {
    config: { access },
    schema: { tags: merchantTags, summary: '导出本商家在某活动的核销明细（结算凭证）', params: idParamsSchema, querystring: merchantSettlementQuerySchema },
    handler: async (req, reply) => {
      const f = await settlement.merchantSettlementWorkbook(deps, callerOf(req), actorOf(req), req.params.id, req.query.activityId);
      return sendXlsx(reply, f.filename, f.body);
    },
  });
  r.get('/api/merchant/me', {
    config: { access: 'session' },
    schema: { tags: ['商家端·核销'], summary: '当前商家店员账号所服务的商家', response: { 200: merchantMeSchema } },
    handler: async (req) => staff.merchantMe(deps, sessionOf(req)),
  });

  // ---- 优惠券
  r.get('/api/coupons', {
    config: { access },
    schema: { tags: couponTags, summary: '优惠券列表（图27）', querystring: couponQuerySchema, response: { 200: couponPageSchema } },
    handler: async (req) => coupons.listCoupons(deps, callerOf(req), req.query),
  });
  r.post('/api/coupons', {
    config: { access },
    schema: { tags: couponTags, summary: '新增优惠券（工会活动券，图26；金额以分为单位）', body: couponCreateBodySchema, response: { 201: couponSchema } },
    handler: async (req, reply) => reply.code(201).send(await coupons.createCoupon(deps, callerOf(req), actorOf(req), req.body)),
  });
  r.get('/api/coupons/:id', {
    config: { access },
    schema: { tags: couponTags, summary: '优惠券详情', params: idParamsSchema, response: { 200: couponSchema } },
    handler: async (req) => coupons.getCoupon(deps, callerOf(req), req.params.id),
  });
  r.patch('/api/coupons/:id', {
    config: { access },
    schema: { tags: couponTags, summary: '修改优惠券（带 version）', params: idParamsSchema, body: couponUpdateBodySchema, response: { 200: couponSchema } },
    handler: async (req) => coupons.updateCoupon(deps, callerOf(req), actorOf(req), req.params.id, req.body),
  });
  for (const action of ['enable', 'disable'] as const) {
    r.post(`/api/coupons/:id/${action}`, {
      config: { access },
      schema: { tags: couponTags, summary: action === 'enable' ? '开启优惠券' : '关闭优惠券', params: idParamsSchema, body: benefitVersionBodySchema, response: { 200: couponSchema } },
      handler: async (req) => coupons.setCouponEnabled(deps, callerOf(req), actorOf(req), req.params.id, action === 'enable', req.body.version),
    });
  }
  r.get('/api/coupons/:id/authorisations', {
    config: { access },
    schema: { tags: couponTags, summary: '优惠券的授权核销（其他商家或个人）', params: idParamsSchema, response: { 200: couponAuthorisationListSchema } },
    handler: async (req) => coupons.listCouponAuthorisations(deps, callerOf(req), req.params.id),
  });
  r.post('/api/coupons/:id/authorisations', {
    config: { access },
    schema: { tags: couponTags, summary: '授权其他商家（merchantId）或个人（phone）核销', params: idParamsSchema, body: couponAuthorisationBodySchema, response: { 201: couponAuthorisationSchema } },
    handler: async (req, reply) => reply.code(201).send(await coupons.authoriseCoupon(deps, callerOf(req), actorOf(req), req.params.id, req.body)),
  });
  r.delete('/api/coupons/:id/authorisations/:authId', {
    config: { access },
    schema: { tags: couponTags, summary: '撤销授权', params: couponAuthorisationParamsSchema, response: { 200: okSchema } },
    handler: async (req) => {
      await coupons.revokeCouponAuthorisation(deps, callerOf(req), actorOf(req), req.params.id, req.params.authId);
      return { ok: true as const };
    },
  });

  // ---- 活动管理 (no DELETE: an activity is never deleted)
  r.get('/api/activities', {
    config: { access },
    schema: { tags: activityTags, summary: '活动列表（图29：报名人数、参与人数、核销，及合计行）', querystring: activityQuerySchema, response: { 200: activityListSchema } },
    handler: async (req) => activities.listActivities(deps, callerOf(req), req.query),
  });
  r.post('/api/activities', {
    config: { access },
    schema: { tags: activityTags, summary: '新增领券活动（时间须晚于当前时间）', body: activityCreateBodySchema, response: { 201: activitySchema } },
    handler: async (req, reply) => reply.code(201).send(await activities.createActivity(deps, callerOf(req), actorOf(req), req.body)),
  });
  r.get('/api/activities/:id', {
    config: { access },
    schema: { tags: activityTags, summary: '活动详情', params: idParamsSchema, response: { 200: activitySchema } },
    handler: async (req) => activities.getActivity(deps, callerOf(req), req.params.id),
  });
  r.patch('/api/activities/:id', {
    config: { access },
    schema: { tags: activityTags, summary: '编辑活动（仅未提交或被退回时；带 version）', params: idParamsSchema, body: activityUpdateBodySchema, response: { 200: activitySchema } },
    handler: async (req) => activities.updateActivity(deps, callerOf(req), actorOf(req), req.params.id, req.body),
  });
  r.put('/api/activities/:id/cover', {
    config: { access, rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: { tags: activityTags, summary: '上传活动封面（multipart；PNG/JPEG，不超过 5 MB）', consumes: ['multipart/form-data'], params: idParamsSchema, response: { 200: activitySchema } },
    handler: async (req) => activities.putActivityCover(deps, callerOf(req), actorOf(req), req.params.id, imageOf(req)),
  });
  r.get('/api/activities/:id/cover', {
    config: { access },
    schema: { tags: activityTags, summary: '查看活动封面', params: idParamsSchema },
    handler: async (req, reply) => sendImage(reply, await activities.openActivityCover(deps, callerOf(req), req.params.id)),
  });
  r.post('/api/activities/:id/submit', {
    config: { access },
    schema: { tags: activityTags, summary: '提交上级工会审核（被退回或已撤回的修改后再次提交）', params: idParamsSchema, body: benefitVersionBodySchema, response: { 200: activitySchema } },
    handler: async (req) => activities.submitActivity(deps, callerOf(req), actorOf(req), req.params.id, req.body.version),
  });
  for (const action of ['open', 'close'] as const) {
    r.post(`/api/activities/:id/${action}`, {
      config: { access },
      schema: { tags: activityTags, summary: action === 'open' ? '开启活动（审核通过后；App 端展示）' : '关闭活动（App 端不展示）', params: idParamsSchema, body: benefitVersionBodySchema, response: { 200: activitySchema } },
      handler: async (req) => activities.setActivityOpen(deps, callerOf(req), actorOf(req), req.params.id, action === 'open', req.body.version),
    });
  }
  r.get('/api/activities/:id/redemptions', {
    config: { access },
    schema: { tags: activityTags, summary: '活动核销明细（分页；姓名、手机号已脱敏）', params: idParamsSchema, querystring: activityRedemptionQuerySchema, response: { 200: activityRedemptionPageSchema } },
    handler: async (req) => settlement.activityRedemptions(deps, callerOf(req), req.params.id, req.query),
  });
  r.get('/api/activities/:id/settlement', {
    config: { access },
    schema: { tags: activityTags, summary: '领取与核销对账（已领取、已核销、视为放弃、未领取）', params: idParamsSchema, response: { 200: settlementSummarySchema } },
    handler: async (req) => settlement.settlementSummary(deps, callerOf(req), req.params.id),
  });
  r.get('/api/activities/:id/settlement.xlsx', {
    config: { access },
    schema: { tags: activityTags, summary: '导出核销明细（结算凭证；领取期限结束后；可按商家 merchantId）', params: idParamsSchema, querystring: activitySettlementQuerySchema },
    handler: async (req, reply) => {
      const f = await settlement.settlementWorkbook(deps, callerOf(req), actorOf(req), req.params.id, req.query.merchantId);
      return sendXlsx(reply, f.filename, f.body);
    },
  });
}
