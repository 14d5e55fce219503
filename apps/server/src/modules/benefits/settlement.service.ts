import { maskName, maskPhone, type ActivityRedemptionRow, type SettlementSummary } from '@gonghui/contracts';
import { recordAudit, type Actor } from '../../platform/audit/audit.js';
import type { ScopedCaller } from '../../platform/auth-context.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import * as activitiesRepo from './activities.repository.js';
import { activityInScope, deadlineOf } from './activities.service.js';
import { findMerchantInScope } from './merchants.repository.js';
import * as repo from './settlement.repository.js';
import { buildSettlementWorkbook } from './settlement.workbook.js';
import { chinaDateTime } from './china-time.js';
import { formatCouponCode } from './coupon-code.js';

const maskedPhone = (deps: Deps, enc: string | null) => (enc ? maskPhone(deps.crypto.decrypt(enc)) : null);

function toRow(deps: Deps, d: repo.RedemptionDetail): ActivityRedemptionRow {
  return {
    id: d.id,
    // Spent coupons only (a redemption is final), written as the member's page shows them.
    code: formatCouponCode(d.code),
    memberName: maskName(d.personName),
    phoneMasked: maskedPhone(deps, d.phoneEnc),
    memberOrgName: d.memberOrgName,
    couponName: d.couponName,
    faceValueFen: d.faceValueFen,
    merchantId: d.merchantId,
    merchantName: d.merchantName,
    redeemedBy: d.redeemedBy,
    redeemedAt: d.redeemedAt.toISOString(),
  };
}

async function merchantFilter(deps: Deps, caller: ScopedCaller, merchantId: string | undefined) {
  if (!merchantId) return null;
  const m = await findMerchantInScope(deps.db, merchantId, caller.scopePath);
  if (!m) throw new AppError('NOT_FOUND', undefined, '商家不存在或不在您的管辖范围内');
  return m;
}

/** 核销明细 of an activity, page by page (names and phones masked). */
export async function activityRedemptions(deps: Deps, caller: ScopedCaller, activityId: string, q: { merchantId?: string; page: number; pageSize: number }) {
  await activityInScope(deps.db, caller, activityId);
  await merchantFilter(deps, caller, q.merchantId);
  const r = await repo.listRedemptionDetails(deps.db, activityId, q);
  return { items: r.items.map((d) => toRow(deps, d)), total: r.total, page: q.page, pageSize: q.pageSize };
}

/** claimed = redeemed + forfeited + outstanding; stock = claimed + unclaimed. */
export async function settlementSummary(deps: Deps, caller: ScopedCaller, activityId: string): Promise<SettlementSummary> {
  const a = await activityInScope(deps.db, caller, activityId);
  const now = deps.now();
  const prizes = await repo.reconcile(deps.db, a.id, now);
  const deadline = deadlineOf(a, await activitiesRepo.listPrizes(deps.db, a.id));
  const sum = (k: keyof repo.PrizeReconciliation) => prizes.reduce((s, p) => s + (p[k] as number), 0);
  return {
    stock: sum('quantity'),
    claimed: sum('claimed'),
    redeemed: sum('redeemed'),
    forfeited: sum('forfeited'),
    outstanding: sum('outstanding'),
    unclaimed: sum('quantity') - sum('claimed'),
    redeemedValueFen: sum('redeemedValueFen'),
    ready: now > deadline,
    deadline: deadline.toISOString(),
  };
}

/**
 * 结算入帐 (seed 001 二(六)): after the deadline, the redemption details as a workbook that serves
 * as the accounting voucher — every redemption (who, masked; what; when; where; face value in
 * yuan) with totals, and the reconciliation of claimed, redeemed and forfeited. Optionally one
 * merchant's redemptions only, for settling with that merchant.
 */
export async function settlementWorkbook(deps: Deps, caller: ScopedCaller, actor: Actor, activityId: string, merchantId?: string): Promise<{ filename: string; body: Buffer }> {
  const a = await activityInScope(deps.db, caller, activityId);
  const merchant = await merchantFilter(deps, caller, merchantId);
  const now = deps.now();
  const prizes = await activitiesRepo.listPrizes(deps.db, a.id);
  const deadline = deadlineOf(a, prizes);
  if (now <= deadline) throw new AppError('SETTLEMENT_NOT_READY', undefined, `领取期限（${chinaDateTime(deadline)}）结束后才能导出结算明细`);
  const details = await repo.listRedemptionDetails(deps.db, a.id, { merchantId });
  const body = await buildSettlementWorkbook({
    activity: { title: a.title, orgName: await activitiesRepo.orgNameOf(deps.db, a.orgId), startsAt: a.startsAt, endsAt: a.endsAt, deadline },
    merchantName: merchant?.name ?? null,
    exportedAt: now,
    exportedBy: caller.name,
    rows: details.items.map((d) => toRow(deps, d)),
    prizes: await repo.reconcile(deps.db, a.id, now),
    merchants: await repo.redeemedByMerchant(deps.db, a.id),
  });
  await deps.db.transaction((tx) =>
    recordAudit(tx, deps.config.keys.auditKey, actor, {
      action: 'settlement.exported',
      objectType: 'activity',
      objectId: a.id,
      orgId: a.orgId,
      after: { merchantId: merchant?.id ?? null, rows: details.total },
    }),
  );
  const filename = `${a.title}${merchant ? `-${merchant.name}` : ''}-核销明细.xlsx`.replace(/[\\/:*?"<>|]/g, '_');
  return { filename, body };
}

/** `GET /api/merchants/:id/settlement.xlsx?activityId=`: the same voucher, one merchant's rows. */
export async function merchantSettlementWorkbook(deps: Deps, caller: ScopedCaller, actor: Actor, merchantId: string, activityId: string) {
  if (!(await findMerchantInScope(deps.db, merchantId, caller.scopePath))) throw new AppError('NOT_FOUND');
  return settlementWorkbook(deps, caller, actor, activityId, merchantId);
}
