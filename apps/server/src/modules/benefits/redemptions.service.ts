import { maskName, redemptionBlockerLabels, type ECouponStatus, type Redemption, type RedemptionBlocker, type RedemptionInput, type RedemptionPreview } from '@gonghui/contracts';
import type { DbOrTx } from '../../db/client.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.js';
import type { AuthContext } from '../../platform/auth-context.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { idempotently, type Answer, type IdempotentRequest } from '../../platform/idempotency.js';
import { chinaDateTime } from './china-time.js';
import { maskCouponCode, normaliseCouponCode } from './coupon-code.js';
import { checkCouponToken } from './coupon-token.js';
import * as repo from './redemptions.repository.js';

/**
 * Who redeems: a staff account of an online merchant, or a person a coupon was authorised to
 * (seed 001 授权 "给其他商家（或个人）"). Anyone else is no redeemer at all.
 */
interface Redeemer {
  accountId: string;
  merchant: { id: string; name: string } | null;
}

async function redeemerOf(db: DbOrTx, auth: AuthContext): Promise<Redeemer> {
  const m = await repo.staffMerchantOf(db, auth.accountId);
  if (m) {
    if (m.status !== 'online') throw new AppError('NOT_MERCHANT_STAFF', undefined, `「${m.name}」已下线，暂不能核销；请联系发券的工会`);
    return { accountId: auth.accountId, merchant: { id: m.id, name: m.name } };
  }
  if (await repo.hasPersonalAuthorisation(db, auth.accountId)) return { accountId: auth.accountId, merchant: null };
  throw new AppError('NOT_MERCHANT_STAFF');
}

/** The e-coupon a scan or a typed code names; a bad, expired or unknown one is refused plainly. */
async function resolve(deps: Deps, db: DbOrTx, input: RedemptionInput): Promise<repo.TargetRow> {
  if (input.token !== undefined) {
    const c = checkCouponToken(deps.config.keys, input.token, deps.now());
    if (c.result === 'expired') throw new AppError('COUPON_TOKEN_EXPIRED');
    if (c.result === 'invalid') throw new AppError('COUPON_TOKEN_INVALID');
    const t = await repo.target(db, { id: c.subject });
    if (!t) throw new AppError('COUPON_TOKEN_INVALID');
    return t;
  }
  const code = normaliseCouponCode(input.code ?? '');
  const t = code ? await repo.target(db, { code }) : undefined;
  if (!t) throw new AppError('COUPON_CODE_NOT_FOUND');
  return t;
}

/**
 * The merchant the redemption is recorded for, or null when this redeemer may not redeem this
 * coupon: the coupon's own merchant, a merchant it was authorised to, or a person it was
 * authorised to (recorded for the coupon's merchant, whose goods they hand out).
 */
async function redeemingMerchantId(db: DbOrTx, r: Redeemer, t: repo.TargetRow): Promise<string | null> {
  if (r.merchant) {
    if (t.couponMerchantId === r.merchant.id) return r.merchant.id;
    if (await repo.isAuthorised(db, t.e.couponId, { merchantId: r.merchant.id })) return r.merchant.id;
  }
  if (t.couponMerchantId && (await repo.isAuthorised(db, t.e.couponId, { accountId: r.accountId }))) return r.merchant?.id ?? t.couponMerchantId;
  return null;
}

/** Why it cannot be redeemed now, in the order a merchant should hear it. */
function blockerOf(t: repo.TargetRow, now: Date): RedemptionBlocker | null {
  if (t.e.status === 'redeemed') return 'already_redeemed';
  if (t.e.status === 'expired' || t.e.validTo <= now) return 'expired';
  if (t.e.validFrom > now) return 'not_yet_valid';
  return null;
}

function toRedemption(r: repo.RedemptionRow): Redemption {
  return {
    id: r.r.id,
    couponTitle: r.couponTitle,
    couponName: r.couponName,
    faceValueFen: r.r.faceValueFen,
    activityTitle: r.activityTitle,
    holderNameMasked: maskName(r.holderName),
    codeMasked: maskCouponCode(r.code),
    merchantName: r.merchantName,
    redeemedByName: r.redeemedByName,
    redeemedAt: r.r.redeemedAt.toISOString(),
  };
}

/** 核销前预览: what the coupon is, and whether this merchant may redeem it now (and if already redeemed, when and where). */
export async function previewRedemption(deps: Deps, auth: AuthContext, input: RedemptionInput): Promise<RedemptionPreview> {
  const redeemer = await redeemerOf(deps.db, auth);
  const t = await resolve(deps, deps.db, input);
  const allowed = (await redeemingMerchantId(deps.db, redeemer, t)) !== null;
  // Another merchant learns nothing of where or by whom it was redeemed.
  const blocker: RedemptionBlocker | null = !allowed ? 'not_authorised' : blockerOf(t, deps.now());
  const first = allowed && t.e.status === 'redeemed' ? await repo.redemptionOfECoupon(deps.db, t.e.id) : undefined;
  return {
    couponTitle: t.couponTitle,
    couponName: t.couponName,
    faceValueFen: t.e.faceValueFen,
    conditions: t.conditions,
    validFrom: t.e.validFrom.toISOString(),
    validTo: t.e.validTo.toISOString(),
    activityTitle: t.activityTitle,
    orgName: t.orgName,
    holderNameMasked: maskName(t.holderName),
    codeMasked: maskCouponCode(t.e.code),
    status: t.e.status as ECouponStatus,
    canRedeem: blocker === null,
    blocker,
    blockerMessage: blocker ? redemptionBlockerLabels[blocker] : null,
    redemption: first ? toRedemption(first) : null,
  };
}

/**
 * 确认核销, exactly once: a conditional status change (only from 待使用, only inside the validity
 * window) and the unique redemption row, with the audit record, in one transaction. A second scan
 * is answered REDEMPTION_ALREADY_DONE carrying the first redemption; a retry with the same
 * Idempotency-Key replays the first answer.
 */
export async function redeem(deps: Deps, auth: AuthContext, actor: Actor, input: RedemptionInput, idem: IdempotentRequest | null): Promise<Answer<Redemption>> {
  const now = deps.now();
  return idempotently(deps.db, now, idem, 201, async (tx) => {
    const redeemer = await redeemerOf(tx, auth);
    const t = await resolve(deps, tx, input);
    const merchantId = await redeemingMerchantId(tx, redeemer, t);
    if (!merchantId) throw new AppError('REDEMPTION_NOT_AUTHORISED');
    if (!(await repo.markRedeemed(tx, t.e.id, now))) {
      // Re-read after the conditional update: it waited for any concurrent redemption to finish.
      const fresh = (await repo.target(tx, { id: t.e.id }))!;
      const blocker = blockerOf(fresh, now);
      if (blocker === 'already_redeemed') {
        const first = (await repo.redemptionOfECoupon(tx, t.e.id))!;
        const r = toRedemption(first);
        throw new AppError('REDEMPTION_ALREADY_DONE', r, `该券已于 ${chinaDateTime(first.r.redeemedAt)} 在「${r.merchantName}」核销，不能重复核销`);
      }
      if (blocker === 'not_yet_valid') throw new AppError('REDEMPTION_OUTSIDE_VALIDITY', undefined, `该券 ${chinaDateTime(fresh.e.validFrom)} 起才能使用，暂不能核销`);
      throw new AppError('REDEMPTION_EXPIRED', undefined, `该券已于 ${chinaDateTime(fresh.e.validTo)} 过期，不能核销`);
    }
    const row = await repo.insertRedemption(tx, { eCouponId: t.e.id, merchantId, accountId: auth.accountId, faceValueFen: t.e.faceValueFen, redeemedAt: now });
    await recordAudit(tx, deps.config.keys.auditKey, actor, {
      action: 'e_coupon.redeemed',
      objectType: 'e_coupon',
      objectId: t.e.id,
      orgId: t.orgId,
      after: { redemptionId: row.id, merchantId, faceValueFen: t.e.faceValueFen, couponName: t.couponName, activityTitle: t.activityTitle },
    });
    return toRedemption((await repo.redemptionOfECoupon(tx, t.e.id))!);
  });
}

/** 核销记录 of the caller's merchant (or an authorised person's own), with the total face value. */
export async function redemptionHistory(deps: Deps, auth: AuthContext, q: { page: number; pageSize: number }) {
  const redeemer = await redeemerOf(deps.db, auth);
  const by = redeemer.merchant ? { merchantId: redeemer.merchant.id } : { accountId: redeemer.accountId };
  const { items, total, totalFaceValueFen } = await repo.redemptionHistory(deps.db, by, q.page, q.pageSize);
  return { items: items.map(toRedemption), total, page: q.page, pageSize: q.pageSize, totalFaceValueFen };
}
