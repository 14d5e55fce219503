import { maskPhone, type Coupon, type CouponAuthorisation, type CouponAuthorisationBody, type CouponCreateBody, type CouponKind, type CouponQuery, type CouponUpdateBody } from '@gonghui/contracts';
import type { Tx } from '../../db/client.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.js';
import type { ScopedCaller } from '../../platform/auth-context.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { isUniqueViolation } from '../../platform/pg-errors.js';
import { findAccountsByPhoneIndex, phoneMaskedOf } from '../accounts/index.js';
import * as repo from './coupons.repository.js';
import { findMerchantInScope } from './merchants.repository.js';

export function toCouponDto(c: repo.CouponView): Coupon {
  return {
    id: c.id,
    orgId: c.orgId,
    orgName: c.orgName,
    kind: 'union_activity' satisfies CouponKind,
    merchantId: c.merchantId,
    merchantName: c.merchantName,
    title: c.title,
    name: c.name,
    quantity: c.quantity,
    allocated: c.allocated,
    unallocated: c.quantity - c.allocated,
    validFrom: c.validFrom.toISOString(),
    validTo: c.validTo.toISOString(),
    faceValueFen: c.faceValueFen,
    conditions: c.conditions,
    description: c.description,
    enabled: c.enabled,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

const auditView = (c: repo.CouponRecord) => ({ ...c, validFrom: c.validFrom.toISOString(), validTo: c.validTo.toISOString() });

export async function couponInScope(db: Deps['db'] | Tx, caller: ScopedCaller, id: string, lock = false): Promise<repo.CouponRecord> {
  const c = await repo.findCouponInScope(db, id, caller.scopePath, lock);
  if (!c) throw new AppError('NOT_FOUND');
  return c;
}

/** The merchant that honours the coupon: in the caller's subtree and online. */
async function honouringMerchant(tx: Tx, caller: ScopedCaller, merchantId: string) {
  const m = await findMerchantInScope(tx, merchantId, caller.scopePath);
  if (!m) throw new AppError('VALIDATION_FAILED', [{ path: 'merchantId', message: '商家不存在或不在您的管辖范围内' }], '商家不存在或不在您的管辖范围内');
  if (m.status !== 'online') throw new AppError('COUPON_MERCHANT_OFFLINE', [{ path: 'merchantId', message: '该商家未上线' }]);
  return m;
}

/** 新增优惠券 (seed 001 fig. 26): a union activity coupon of the caller's union, not yet enabled. */
export async function createCoupon(deps: Deps, caller: ScopedCaller, actor: Actor, body: CouponCreateBody): Promise<Coupon> {
  const id = await deps.db.transaction(async (tx) => {
    await honouringMerchant(tx, caller, body.merchantId);
    const c = await repo.insertCoupon(tx, {
      orgId: caller.post.orgId,
      merchantId: body.merchantId,
      title: body.title,
      name: body.name,
      quantity: body.quantity,
      validFrom: new Date(body.validFrom),
      validTo: new Date(body.validTo),
      faceValueFen: body.faceValueFen,
      conditions: body.conditions,
      description: body.description,
      enabled: false,
      createdBy: caller.accountId,
    });
    await recordAudit(tx, deps.config.keys.auditKey, actor, { action: 'coupon.created', objectType: 'coupon', objectId: c.id, orgId: c.orgId, after: auditView(c) });
    return c.id;
  });
  return toCouponDto(await repo.couponView(deps.db, id));
}

export async function getCoupon(deps: Deps, caller: ScopedCaller, id: string): Promise<Coupon> {
  await couponInScope(deps.db, caller, id);
  return toCouponDto(await repo.couponView(deps.db, id));
}

export async function listCoupons(deps: Deps, caller: ScopedCaller, q: CouponQuery) {
  const r = await repo.listCoupons(deps.db, caller.scopePath, q);
  return { items: r.items.map(toCouponDto), total: r.total, page: q.page, pageSize: q.pageSize };
}

/**
 * Edits a coupon. Its quantity never drops below what activities already hold; once an activity
 * under review or approved lists it, its merchant, validity and face value are what the upper
 * union approved and stay so.
 */
export async function updateCoupon(deps: Deps, caller: ScopedCaller, actor: Actor, id: string, body: CouponUpdateBody): Promise<Coupon> {
  const { version, kind: _kind, ...f } = body;
  await deps.db.transaction(async (tx) => {
    const before = await couponInScope(tx, caller, id, true);
    if (before.version !== version) throw new AppError('CONFLICT');
    const validFrom = f.validFrom !== undefined ? new Date(f.validFrom) : before.validFrom;
    const validTo = f.validTo !== undefined ? new Date(f.validTo) : before.validTo;
    if (validTo <= validFrom) throw new AppError('VALIDATION_FAILED', [{ path: 'validTo', message: '有效期结束时间应晚于开始时间' }], '有效期结束时间应晚于开始时间');
    const termsChange =
      (f.merchantId !== undefined && f.merchantId !== before.merchantId) ||
      validFrom.getTime() !== before.validFrom.getTime() ||
      validTo.getTime() !== before.validTo.getTime() ||
      (f.faceValueFen !== undefined && f.faceValueFen !== before.faceValueFen);
    if (termsChange && (await repo.usedBySubmittedActivity(tx, id))) throw new AppError('COUPON_IN_USE');
    if (f.merchantId !== undefined && f.merchantId !== before.merchantId) await honouringMerchant(tx, caller, f.merchantId);
    if (f.quantity !== undefined) {
      const allocated = await repo.allocatedOf(tx, id);
      if (f.quantity < allocated) throw new AppError('COUPON_BELOW_ALLOCATED', [{ path: 'quantity', message: `已有${allocated}张分配给活动，数量不能少于${allocated}` }]);
    }
    const after = await repo.updateCoupon(tx, id, version, {
      ...(f.merchantId !== undefined ? { merchantId: f.merchantId } : {}),
      ...(f.title !== undefined ? { title: f.title } : {}),
      ...(f.name !== undefined ? { name: f.name } : {}),
      ...(f.quantity !== undefined ? { quantity: f.quantity } : {}),
      validFrom,
      validTo,
      ...(f.faceValueFen !== undefined ? { faceValueFen: f.faceValueFen } : {}),
      ...(f.conditions !== undefined ? { conditions: f.conditions } : {}),
      ...(f.description !== undefined ? { description: f.description } : {}),
    });
    if (!after) throw new AppError('CONFLICT');
    await recordAudit(tx, deps.config.keys.auditKey, actor, { action: 'coupon.updated', objectType: 'coupon', objectId: id, orgId: after.orgId, before: auditView(before), after: auditView(after) });
  });
  return toCouponDto(await repo.couponView(deps.db, id));
}

/** 开启 / 关闭. A disabled coupon cannot join a prize list, and members cannot claim it. */
export async function setCouponEnabled(deps: Deps, caller: ScopedCaller, actor: Actor, id: string, enabled: boolean, version: number): Promise<Coupon> {
  await deps.db.transaction(async (tx) => {
    const before = await couponInScope(tx, caller, id, true);
    if (before.version !== version) throw new AppError('CONFLICT');
    const after = await repo.updateCoupon(tx, id, version, { enabled });
    if (!after) throw new AppError('CONFLICT');
    await recordAudit(tx, deps.config.keys.auditKey, actor, { action: enabled ? 'coupon.enabled' : 'coupon.disabled', objectType: 'coupon', objectId: id, orgId: after.orgId, before: { enabled: before.enabled }, after: { enabled } });
  });
  return toCouponDto(await repo.couponView(deps.db, id));
}

// ---- 授权

function toAuthorisationDto(deps: Deps, a: repo.AuthorisationView): CouponAuthorisation {
  return {
    id: a.id,
    kind: a.merchantId ? 'merchant' : 'account',
    merchantId: a.merchantId,
    merchantName: a.merchantName,
    accountId: a.accountId,
    accountName: a.accountName,
    phoneMasked: a.accountId ? phoneMaskedOf(deps.crypto, a.accountPhoneEnc) : null,
    createdAt: a.createdAt.toISOString(),
  };
}

export async function listCouponAuthorisations(deps: Deps, caller: ScopedCaller, couponId: string): Promise<{ items: CouponAuthorisation[] }> {
  await couponInScope(deps.db, caller, couponId);
  return { items: (await repo.listAuthorisations(deps.db, couponId)).map((a) => toAuthorisationDto(deps, a)) };
}

const authExists = () => new AppError('COUPON_AUTH_EXISTS');

/** 授权: another merchant in the caller's subtree, or the account a phone logs in to, may redeem it too. */
export async function authoriseCoupon(deps: Deps, caller: ScopedCaller, actor: Actor, couponId: string, body: CouponAuthorisationBody): Promise<CouponAuthorisation> {
  const id = await deps.db
    .transaction(async (tx) => {
      const coupon = await couponInScope(tx, caller, couponId, true);
      let values: { merchantId: string } | { accountId: string };
      let described: Record<string, unknown>;
      if ('merchantId' in body) {
        const m = await findMerchantInScope(tx, body.merchantId, caller.scopePath);
        if (!m) throw new AppError('VALIDATION_FAILED', [{ path: 'merchantId', message: '商家不存在或不在您的管辖范围内' }], '商家不存在或不在您的管辖范围内');
        // The coupon's own merchant redeems it already.
        if (m.id === coupon.merchantId) throw authExists();
        values = { merchantId: m.id };
        described = { merchantId: m.id, merchantName: m.name };
      } else {
        const found = await findAccountsByPhoneIndex(tx, deps.crypto.blindIndex('phone', body.phone));
        if (found.length !== 1) throw new AppError('COUPON_AUTH_NO_ACCOUNT', [{ path: 'phone', message: '该手机号还没有注册账号' }]);
        values = { accountId: found[0].id };
        described = { accountId: found[0].id, name: found[0].name, phoneMasked: maskPhone(body.phone) };
      }
      const a = await repo.insertAuthorisation(tx, { couponId, ...values, createdBy: caller.accountId });
      await recordAudit(tx, deps.config.keys.auditKey, actor, { action: 'coupon.authorised', objectType: 'coupon', objectId: couponId, orgId: coupon.orgId, after: { authorisationId: a.id, ...described } });
      return a.id;
    })
    .catch((e) => {
      throw isUniqueViolation(e) ? authExists() : e;
    });
  return toAuthorisationDto(deps, (await repo.listAuthorisations(deps.db, couponId)).find((a) => a.id === id)!);
}

export async function revokeCouponAuthorisation(deps: Deps, caller: ScopedCaller, actor: Actor, couponId: string, authId: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const coupon = await couponInScope(tx, caller, couponId, true);
    const revoked = await repo.revokeAuthorisation(tx, couponId, authId, deps.now());
    if (!revoked) throw new AppError('NOT_FOUND');
    await recordAudit(tx, deps.config.keys.auditKey, actor, { action: 'coupon.authorisation_revoked', objectType: 'coupon', objectId: couponId, orgId: coupon.orgId, before: { authorisationId: authId, merchantId: revoked.merchantId, accountId: revoked.accountId } });
  });
}
