import { makeIdNumber } from '@gonghui/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Crypto } from '../../platform/crypto.js';
import { hashPassword } from '../../platform/passwords.js';
import { accounts } from '../accounts/accounts.table.js';
import { memberVerifications } from '../member-app/member-app.table.js';
import { memberships, persons } from '../members/members.table.js';
import { activities, activityPrizes, couponAuthorisations, coupons, merchants, merchantStaff, prizeStock } from './benefits.table.js';
import { stockBucketsFor } from './stock-buckets.js';

/**
 * Test and benchmark fixtures written straight into the tables (the console's own API is tested
 * in its own files): merchants with staff logins, coupons, approved and open activities with
 * their bucketed stock, and real-name-verified members in bulk.
 */

export const FIXTURE_PASSWORD = 'Welfare#2026ok';
const DAY = 86_400_000;
let serial = 0;
const next = () => `${Date.now().toString(36)}${(++serial).toString(36)}`;

/** Any account to stand as the creator of fixtures. */
async function someAccountId(db: Db): Promise<string> {
  const [row] = await db.select({ id: accounts.id }).from(accounts).limit(1);
  return row.id;
}

/** A staff login (username + FIXTURE_PASSWORD, no first-change pending) of a merchant. */
export async function insertStaff(db: Db, merchantId: string, name = '核销员') {
  const username = `staff_${next()}`;
  const [acc] = await db.insert(accounts).values({ username, name, passwordHash: await hashPassword(FIXTURE_PASSWORD) }).returning({ id: accounts.id });
  await db.insert(merchantStaff).values({ merchantId, accountId: acc.id, createdBy: acc.id });
  return { accountId: acc.id, username };
}

/** An account that is nobody's staff (for 授权 to a person). */
export async function insertPlainAccount(db: Db, name = '授权核销人') {
  const username = `person_${next()}`;
  const [acc] = await db.insert(accounts).values({ username, name, passwordHash: await hashPassword(FIXTURE_PASSWORD) }).returning({ id: accounts.id });
  return { accountId: acc.id, username };
}

export async function insertMerchant(db: Db, crypto: Crypto, orgId: string, opts: { name?: string; status?: 'online' | 'offline' } = {}) {
  const phone = `1390000${String(serial % 10000).padStart(4, '0')}`;
  const [m] = await db
    .insert(merchants)
    .values({
      orgId,
      name: opts.name ?? `职工之家${next()}`,
      contactName: '张',
      phoneEnc: crypto.encrypt(phone),
      phoneIndex: crypto.blindIndex('phone', phone),
      kind: 'union',
      serviceType: 'ordinary',
      address: '济南市历下区',
      status: opts.status ?? 'online',
      createdBy: await someAccountId(db),
    })
    .returning();
  return m;
}

export interface CouponOpts {
  merchantId: string | null;
  quantity?: number;
  validFrom?: Date;
  validTo?: Date;
  faceValueFen?: number;
  enabled?: boolean;
  name?: string;
}

export async function insertCoupon(db: Db, orgId: string, now: Date, o: CouponOpts) {
  const [c] = await db
    .insert(coupons)
    .values({
      orgId,
      merchantId: o.merchantId,
      title: '中秋节福利',
      name: o.name ?? '中秋节福利券',
      quantity: o.quantity ?? 1000,
      validFrom: o.validFrom ?? new Date(now.getTime() - DAY),
      validTo: o.validTo ?? new Date(now.getTime() + 30 * DAY),
      faceValueFen: o.faceValueFen ?? 5000,
      conditions: '凭券到店领取月饼一盒',
      description: '中秋节福利券',
      enabled: o.enabled ?? true,
      createdBy: await someAccountId(db),
    })
    .returning();
  return c;
}

export async function authorise(db: Db, couponId: string, to: { merchantId: string } | { accountId: string }) {
  await db.insert(couponAuthorisations).values({ couponId, ...to, createdBy: await someAccountId(db) });
}

export interface ActivityOpts {
  prizes: { couponId: string; quantity: number }[];
  scope?: 'own' | 'subtree';
  claimLimitKind?: 'once' | 'daily';
  claimLimitPerDay?: number | null;
  startsAt?: Date;
  endsAt?: Date;
  status?: 'draft' | 'pending' | 'approved' | 'returned';
  isOpen?: boolean;
  /** 1 = the naive design's single hot row (the benchmark's comparison). */
  buckets?: 'default' | 1;
}

/** An activity as approval and 开启 leave it: approved, open, its prizes' stock split into buckets. */
export async function insertActivity(db: Db, orgId: string, now: Date, o: ActivityOpts) {
  const [a] = await db
    .insert(activities)
    .values({
      orgId,
      title: `中秋节福利发放${next()}`,
      claimLimitKind: o.claimLimitKind ?? 'once',
      claimLimitPerDay: o.claimLimitKind === 'daily' ? (o.claimLimitPerDay ?? 1) : null,
      scope: o.scope ?? 'own',
      startsAt: o.startsAt ?? new Date(now.getTime() - DAY),
      endsAt: o.endsAt ?? new Date(now.getTime() + 7 * DAY),
      contentHtml: '<p>每位会员可领取一张中秋节福利券。</p>',
      status: o.status ?? 'approved',
      isOpen: o.isOpen ?? true,
      createdBy: await someAccountId(db),
      submittedAt: now,
    })
    .returning();
  const prizeIds: string[] = [];
  for (const [i, p] of o.prizes.entries()) {
    const [row] = await db.insert(activityPrizes).values({ activityId: a.id, couponId: p.couponId, quantity: p.quantity, sortOrder: i }).returning({ id: activityPrizes.id });
    prizeIds.push(row.id);
    const rows = o.buckets === 1 ? [{ prizeId: row.id, bucket: 0, remaining: p.quantity }] : stockBucketsFor(row.id, p.quantity);
    await db.insert(prizeStock).values(rows);
  }
  return { activity: a, prizeIds };
}

/** A merchant with a staff login, an enabled coupon of it and an approved open activity handing out `quantity`. */
export async function welfareSetup(db: Db, crypto: Crypto, orgId: string, now: Date, opts: Partial<ActivityOpts> & { quantity?: number; coupon?: Partial<CouponOpts> } = {}) {
  const merchant = await insertMerchant(db, crypto, orgId);
  const staff = await insertStaff(db, merchant.id);
  const quantity = opts.quantity ?? 100;
  const coupon = await insertCoupon(db, orgId, now, { merchantId: merchant.id, quantity, ...opts.coupon });
  const { activity, prizeIds } = await insertActivity(db, orgId, now, { ...opts, prizes: [{ couponId: coupon.id, quantity }] });
  return { merchant, staff, coupon, activity, prizeId: prizeIds[0] };
}

export interface BulkMember {
  accountId: string;
  personId: string;
  membershipId: string;
  username: string;
}

/**
 * `count` members of a union, each with an account (username + FIXTURE_PASSWORD) whose real-name
 * verification is approved, inserted in batches of plain SQL (the benchmark makes 20,000).
 */
export async function insertVerifiedMembers(
  db: Db,
  crypto: Crypto,
  orgId: string,
  count: number,
  opts: { status?: string; passwordHash?: string } = {},
): Promise<BulkMember[]> {
  const passwordHash = opts.passwordHash ?? (await hashPassword(FIXTURE_PASSWORD));
  const tag = next();
  const out: BulkMember[] = [];
  for (let from = 0; from < count; from += 1000) {
    const n = Math.min(1000, count - from);
    const idx = Array.from({ length: n }, (_, i) => from + i);
    // Plausible ID numbers (the blind index, keyed by this batch, is what must be unique).
    const ids = idx.map((i) => {
      const seq = i % 1000;
      const day = new Date(Date.UTC(1970, 0, 1) + (Math.floor(i / 1000) % 12000) * DAY).toISOString().slice(0, 10);
      return makeIdNumber({ addressCode: '370102', birthDate: day, sex: seq % 2 ? 'male' : 'female', seq });
    });
    const ps = await db
      .insert(persons)
      .values(idx.map((i, k) => ({ idType: 'resident_id', idNumberEnc: crypto.encrypt(ids[k]), idIndex: crypto.blindIndex('id', `${tag}-${i}`), name: `会员${tag}${i}`, sex: (i % 1000) % 2 ? 'male' : 'female', birthDate: '1990-01-01' })))
      .returning({ id: persons.id });
    const ms = await db
      .insert(memberships)
      .values(ps.map((p, k) => ({ personId: p.id, orgId, memberNo: `W${tag}${idx[k]}`, status: opts.status ?? 'joined' })))
      .returning({ id: memberships.id });
    const as = await db
      .insert(accounts)
      .values(idx.map((i) => ({ username: `w${tag}_${i}`, name: `会员${tag}${i}`, passwordHash })))
      .returning({ id: accounts.id, username: accounts.username });
    await db.insert(memberVerifications).values(as.map((a, k) => ({ accountId: a.id, personId: ps[k].id, membershipId: ms[k].id, orgId, status: 'approved', decidedAt: sql`now()` })));
    out.push(...as.map((a, k) => ({ accountId: a.id, personId: ps[k].id, membershipId: ms[k].id, username: a.username })));
  }
  return out;
}
