import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../db/client.js';

/**
 * Marks up to `limit` claimed e-coupons whose validity has ended as expired. The update is
 * conditional on `claimed`, so a coupon redeemed a moment earlier stays redeemed, and one expired
 * here can no longer be redeemed (redemption is conditional on `claimed` too).
 */
export async function expireBatch(tx: Tx, now: Date, limit: number): Promise<{ id: string; activityId: string }[]> {
  const r = await tx.execute(sql`
    update e_coupons set status = 'expired', expired_at = ${now}
    where id in (
      select id from e_coupons
      where status = 'claimed' and valid_to <= ${now}
      order by valid_to
      limit ${limit}
      for update skip locked)
    and status = 'claimed'
    returning id, activity_id`);
  return rowsOf<{ id: string; activity_id: string }>(r).map((x) => ({ id: x.id, activityId: x.activity_id }));
}
