import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { BulkMember } from './benefits.fixtures.js';
import { eCoupons, redemptions } from './benefits.table.js';
import { newCouponCode } from './coupon-code.js';

/**
 * E-coupons and redemptions written straight into the tables, as claims and scans would leave
 * them, for the console's counts, settlement and expiry tests (the claim and redemption paths
 * themselves are tested with the engine).
 */

export interface Held {
  id: string;
  code: string;
  member: BulkMember;
}

export async function insertECoupons(
  db: Db,
  o: { activityId: string; prizeId: string; couponId: string; members: BulkMember[]; validFrom: Date; validTo: Date; faceValueFen: number; claimedAt: Date },
): Promise<Held[]> {
  if (o.members.length === 0) return [];
  const rows = await db
    .insert(eCoupons)
    .values(
      o.members.map((m) => ({
        code: newCouponCode(),
        activityId: o.activityId,
        prizeId: o.prizeId,
        couponId: o.couponId,
        personId: m.personId,
        membershipId: m.membershipId,
        accountId: m.accountId,
        validFrom: o.validFrom,
        validTo: o.validTo,
        faceValueFen: o.faceValueFen,
        claimedAt: o.claimedAt,
      })),
    )
    .returning({ id: eCoupons.id, code: eCoupons.code });
  return rows.map((r, i) => ({ ...r, member: o.members[i] }));
}

/** Redeems held e-coupons at a merchant, by a staff account, at the given time. */
export async function redeemHeld(db: Db, held: Held[], merchantId: string, accountId: string, at: Date, faceValueFen: number): Promise<void> {
  for (const h of held) {
    await db.update(eCoupons).set({ status: 'redeemed', redeemedAt: at }).where(eq(eCoupons.id, h.id));
    await db.insert(redemptions).values({ eCouponId: h.id, merchantId, accountId, faceValueFen, redeemedAt: at });
  }
}
