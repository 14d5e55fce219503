import { recordAudit, type Actor } from '../../platform/audit/audit.js';
import type { Deps } from '../../platform/deps.js';
import { expireBatch } from './expiry.repository.js';

const SYSTEM: Actor = { accountId: null, username: 'system', name: '系统（电子券到期）', orgId: null, ip: null };
const BATCH = 2000;
/** How often the job looks for coupons past their validity. */
export const EXPIRY_INTERVAL_MS = 5 * 60_000;

/**
 * Unredeemed e-coupons past their validity become `expired` (seed 001 二(五): "逾期不领取的，可视为
 * 自动放弃"), each batch with one audit record in its own transaction. Idempotent, so several
 * servers may run it at once. Returns how many expired.
 */
export async function expireDueCoupons(deps: Deps, now: Date = deps.now()): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await deps.db.transaction(async (tx) => {
      const expired = await expireBatch(tx, now, BATCH);
      if (expired.length > 0) {
        const perActivity: Record<string, number> = {};
        for (const e of expired) perActivity[e.activityId] = (perActivity[e.activityId] ?? 0) + 1;
        await recordAudit(tx, deps.config.keys.auditKey, SYSTEM, { action: 'e_coupon.expired', objectType: 'e_coupon', after: { count: expired.length, perActivity, at: now.toISOString() } });
      }
      return expired.length;
    });
    total += n;
    if (n < BATCH) return total;
  }
}

/**
 * A sweep at start-up (coupons that ran out while the server was down), then one every few
 * minutes. Like the reviews' overdue check, a failure is logged and the next run tries again.
 */
export function startCouponExpiry(deps: Deps): { stop(): void; startup: Promise<number> } {
  const run = () => expireDueCoupons(deps).catch((e) => (console.error('e-coupon expiry failed:', (e as Error).message), 0));
  const startup = run();
  const timer = setInterval(run, EXPIRY_INTERVAL_MS);
  timer.unref();
  return { stop: () => clearInterval(timer), startup };
}
