import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/audit.table.js';
import { idempotencyKeys } from '../../platform/idempotency.table.js';
import { purgeExpiredIdempotencyKeys } from '../../platform/idempotency.js';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness.js';
import { registerWorker } from '../member-app/member-app.fixtures.js';
import { claimCounters, eCoupons, prizeStock } from './benefits.table.js';
import { FIXTURE_PASSWORD, insertActivity, insertCoupon, insertVerifiedMembers, welfareSetup, type BulkMember } from './benefits.fixtures.js';
import { COUPON_TOKEN_TTL_MS } from './coupon-token.js';

const QC = '济南泉城软件有限公司工会';
const DGY = '济南大观园商业管理有限公司工会';
const LIXIA = '历下区总工会';
const DAY = 86_400_000;

let t: TestContext;
let qcOrg: string;
let qc: BulkMember[]; // verified members of 泉城软件工会 (under 历下区)
let dgy: BulkMember[]; // verified members of 大观园商管工会 (市中区)
const clients = new Map<string, TestClient>();

async function as(m: BulkMember): Promise<TestClient> {
  let c = clients.get(m.accountId);
  if (!c) {
    c = t.client();
    const r = await c.login(m.username, FIXTURE_PASSWORD);
    expect(r.statusCode, r.body).toBe(200);
    clients.set(m.accountId, c);
  }
  return c;
}
const now = () => t.deps.now();
/** Moves the server's clock on; sessions idle that long have ended, so members log in again. */
const advance = (ms: number) => {
  t.clock.advance(ms);
  clients.clear();
};
const stockOf = async (prizeId: string) => {
  const [r] = await t.deps.db.select({ n: sql<number>`sum(${prizeStock.remaining})::int` }).from(prizeStock).where(eq(prizeStock.prizeId, prizeId));
  return Number(r.n);
};
const couponsOf = async (prizeId: string) => t.deps.db.select().from(eCoupons).where(eq(eCoupons.prizeId, prizeId));
const claimUrl = (activityId: string) => `/api/me/activities/${activityId}/claims`;

beforeAll(async () => {
  t = await createTestContext({ rateLimits: { global: 100_000, login: 10_000, sms: 1_000 } });
  qcOrg = await t.orgId(QC);
  qc = await insertVerifiedMembers(t.deps.db, t.deps.crypto, qcOrg, 12);
  dgy = await insertVerifiedMembers(t.deps.db, t.deps.crypto, await t.orgId(DGY), 2);
});
afterAll(async () => t?.close());

describe('who sees which activity', () => {
  it('lists open approved activities of the own union and, for 本单位及下级, of the unions above; hides closed, unapproved and ended ones', async () => {
    const db = t.deps.db;
    const own = await welfareSetup(db, t.deps.crypto, qcOrg, now());
    const lixia = await t.orgId(LIXIA);
    const cover = await insertCoupon(db, lixia, now(), { merchantId: own.merchant.id });
    const subtree = await insertActivity(db, lixia, now(), { scope: 'subtree', prizes: [{ couponId: cover.id, quantity: 5 }] });
    const lixiaOnly = await insertActivity(db, lixia, now(), { scope: 'own', prizes: [{ couponId: cover.id, quantity: 5 }] });
    const closed = await insertActivity(db, qcOrg, now(), { isOpen: false, prizes: [{ couponId: own.coupon.id, quantity: 5 }] });
    const pending = await insertActivity(db, qcOrg, now(), { status: 'pending', isOpen: false, prizes: [{ couponId: own.coupon.id, quantity: 5 }] });
    const ended = await insertActivity(db, qcOrg, now(), { startsAt: new Date(now().getTime() - 3 * DAY), endsAt: new Date(now().getTime() - DAY), prizes: [{ couponId: own.coupon.id, quantity: 5 }] });
    const upcoming = await insertActivity(db, qcOrg, now(), { startsAt: new Date(now().getTime() + DAY), endsAt: new Date(now().getTime() + 3 * DAY), prizes: [{ couponId: own.coupon.id, quantity: 5 }] });

    const member = await as(qc[0]);
    const list = await member.get('/api/me/activities');
    expect(list.statusCode, list.body).toBe(200);
    const ids = list.json().items.map((a: { id: string }) => a.id);
    expect(ids).toEqual(expect.arrayContaining([own.activity.id, subtree.activity.id, upcoming.activity.id]));
    for (const hidden of [lixiaOnly, closed, pending, ended]) expect(ids).not.toContain(hidden.activity.id);
    const item = list.json().items.find((a: { id: string }) => a.id === own.activity.id);
    expect(item).toMatchObject({ title: own.activity.title, orgName: QC, phase: 'ongoing', claimLimitText: '每人限领1次', soldOut: false, coverUrl: null });
    expect(list.json().items.find((a: { id: string }) => a.id === upcoming.activity.id).phase).toBe('upcoming');

    const detail = await member.get(`/api/me/activities/${own.activity.id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({ contentHtml: expect.stringContaining('福利券'), claimedInPeriod: 0, claimLimit: 1 });
    expect(detail.json().prizes).toEqual([
      expect.objectContaining({ prizeId: own.prizeId, couponName: '中秋节福利券', faceValueFen: 5000, merchantName: own.merchant.name, soldOut: false, blocker: null }),
    ]);
    // Nothing of the stock count or another member leaks into the member's view.
    expect(detail.body).not.toMatch(/remaining|quantity/);
    expect((await member.get(`/api/me/activities/${upcoming.activity.id}`)).json().prizes[0].blocker).toBe('upcoming');

    // Closed or unapproved: gone; another union's: not in scope (same answer for one that does not exist).
    expect((await member.get(`/api/me/activities/${closed.activity.id}`)).json().code).toBe('ACTIVITY_UNAVAILABLE');
    expect((await member.get(`/api/me/activities/${pending.activity.id}`)).json().code).toBe('ACTIVITY_UNAVAILABLE');
    expect((await member.get(`/api/me/activities/${lixiaOnly.activity.id}`)).json()).toMatchObject({ code: 'ACTIVITY_NOT_IN_SCOPE', message: expect.stringContaining('仅限') });

    // A member of a union in another district sees none of them and cannot claim.
    const outsider = await as(dgy[0]);
    const theirs = (await outsider.get('/api/me/activities')).json().items.map((a: { id: string }) => a.id);
    for (const a of [own, subtree, upcoming]) expect(theirs).not.toContain(a.activity.id);
    const refused = await outsider.post(claimUrl(own.activity.id), { prizeId: own.prizeId });
    expect(refused.statusCode).toBe(404);
    expect(refused.json().code).toBe('ACTIVITY_NOT_IN_SCOPE');
    expect((await outsider.post(claimUrl(subtree.activity.id), { prizeId: subtree.prizeIds[0] })).json().code).toBe('ACTIVITY_NOT_IN_SCOPE');
    expect(await couponsOf(own.prizeId)).toHaveLength(0);

    // The subtree activity of 历下区 is claimable by the member of a union below it.
    const claimed = await member.post(claimUrl(subtree.activity.id), { prizeId: subtree.prizeIds[0] });
    expect(claimed.statusCode, claimed.body).toBe(201);
    expect(claimed.json()).toMatchObject({ orgName: LIXIA, status: 'claimed' });
    // Not yet started, or closed: refused, nothing taken.
    expect((await member.post(claimUrl(upcoming.activity.id), { prizeId: upcoming.prizeIds[0] })).json()).toMatchObject({ code: 'CLAIM_NOT_IN_WINDOW', message: expect.stringContaining('尚未开始') });
    expect((await member.post(claimUrl(closed.activity.id), { prizeId: closed.prizeIds[0] })).json().code).toBe('ACTIVITY_UNAVAILABLE');
    expect(await stockOf(upcoming.prizeIds[0])).toBe(5);
  });

  it('refuses accounts that are not verified, members whose membership is not active, and callers without a session', async () => {
    const s = await welfareSetup(t.deps.db, t.deps.crypto, qcOrg, now(), { quantity: 5 });
    const unverified = await registerWorker(t);
    const r = await unverified.client.post(claimUrl(s.activity.id), { prizeId: s.prizeId });
    expect(r.statusCode).toBe(403);
    expect(r.json()).toMatchObject({ code: 'NOT_VERIFIED', message: '请先完成工会会员认证' });
    expect((await unverified.client.get('/api/me/activities')).json().code).toBe('NOT_VERIFIED');

    const [transferring] = await insertVerifiedMembers(t.deps.db, t.deps.crypto, qcOrg, 1, { status: 'transferring' });
    const tr = await (await as(transferring)).post(claimUrl(s.activity.id), { prizeId: s.prizeId });
    expect(tr.statusCode).toBe(403);
    expect(tr.json()).toMatchObject({ code: 'CLAIM_MEMBERSHIP_INACTIVE', message: expect.stringContaining('有效会籍') });

    expect((await t.client().post(claimUrl(s.activity.id), { prizeId: s.prizeId })).statusCode).toBe(401);
    expect(await stockOf(s.prizeId)).toBe(5);
    expect(await couponsOf(s.prizeId)).toHaveLength(0);
  });
});

describe('claiming', () => {
  it('grants one e-coupon with a typable code, shows it in 我的券, refuses a second claim, and audits the claim', async () => {
    const s = await welfareSetup(t.deps.db, t.deps.crypto, qcOrg, now(), { quantity: 3 });
    const member = await as(qc[1]);
    const r = await member.post(claimUrl(s.activity.id), { prizeId: s.prizeId });
    expect(r.statusCode, r.body).toBe(201);
    const coupon = r.json();
    expect(coupon).toMatchObject({
      status: 'claimed',
      couponName: '中秋节福利券',
      faceValueFen: 5000,
      activityId: s.activity.id,
      activityTitle: s.activity.title,
      orgName: QC,
      merchantName: s.merchant.name,
      validFrom: s.coupon.validFrom.toISOString(),
      validTo: s.coupon.validTo.toISOString(),
      redeemedAt: null,
    });
    expect(coupon.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(await stockOf(s.prizeId)).toBe(2);

    const again = await member.post(claimUrl(s.activity.id), { prizeId: s.prizeId });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'CLAIM_LIMIT_REACHED', message: '您已领取过本活动的福利（每人限领1次）' });
    expect(await stockOf(s.prizeId)).toBe(2);

    const mine = await member.get('/api/me/coupons?status=claimed');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.map((c: { id: string }) => c.id)).toContain(coupon.id);
    expect((await member.get('/api/me/coupons?status=redeemed')).json().items.map((c: { id: string }) => c.id)).not.toContain(coupon.id);
    expect((await member.get(`/api/me/coupons/${coupon.id}`)).json()).toEqual(coupon);
    const detail = (await member.get(`/api/me/activities/${s.activity.id}`)).json();
    expect(detail).toMatchObject({ claimedInPeriod: 1, claimLimit: 1 });
    expect(detail.prizes[0].blocker).toBe('limit_reached');

    // Someone else's coupon does not exist for this member.
    const other = await as(qc[2]);
    expect((await other.get(`/api/me/coupons/${coupon.id}`)).statusCode).toBe(404);
    expect((await other.post(`/api/me/coupons/${coupon.id}/token`)).statusCode).toBe(404);

    const [audit] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'e_coupon.claimed'), eq(auditLog.objectId, coupon.id)));
    expect(audit).toMatchObject({ actorAccountId: qc[1].accountId, orgId: qcOrg, result: 'success' });
    expect(audit.after).toMatchObject({ activityId: s.activity.id, faceValueFen: 5000 });
  });

  it('a daily limit resets at midnight China time', async () => {
    // Start the activity at the coming China midnight so the test's day boundaries are known.
    const china = new Date(now().getTime() + 8 * 3600_000);
    const midnight = new Date(Date.UTC(china.getUTCFullYear(), china.getUTCMonth(), china.getUTCDate() + 1) - 8 * 3600_000);
    const s = await welfareSetup(t.deps.db, t.deps.crypto, qcOrg, now(), {
      quantity: 10,
      claimLimitKind: 'daily',
      claimLimitPerDay: 2,
      startsAt: midnight,
      endsAt: new Date(midnight.getTime() + 5 * DAY),
      coupon: { validTo: new Date(midnight.getTime() + 10 * DAY) },
    });
    t.clock.advance(midnight.getTime() - now().getTime() + 60_000); // 00:01 China time
    const claimOnce = async () => (await as(qc[3])).post(claimUrl(s.activity.id), { prizeId: s.prizeId });
    expect((await claimOnce()).statusCode).toBe(201);
    expect((await claimOnce()).statusCode).toBe(201);
    const third = await claimOnce();
    expect(third.json()).toMatchObject({ code: 'CLAIM_LIMIT_REACHED', message: expect.stringContaining('每人每天限领2次') });
    advance(DAY - 2 * 60_000); // 23:59 the same day: still refused
    expect((await claimOnce()).json().code).toBe('CLAIM_LIMIT_REACHED');
    advance(2 * 60_000); // 00:01 the next day
    expect((await claimOnce()).statusCode).toBe(201);
    const counters = await t.deps.db.select().from(claimCounters).where(eq(claimCounters.activityId, s.activity.id));
    expect(counters.map((c) => c.claimed).sort()).toEqual([1, 2]);
    expect(await stockOf(s.prizeId)).toBe(7);
  });

  it('says sold out when the last unit is gone, and refuses a disabled coupon or another activity\'s prize', async () => {
    const s = await welfareSetup(t.deps.db, t.deps.crypto, qcOrg, now(), { quantity: 2 });
    expect((await (await as(qc[4])).post(claimUrl(s.activity.id), { prizeId: s.prizeId })).statusCode).toBe(201);
    expect((await (await as(qc[5])).post(claimUrl(s.activity.id), { prizeId: s.prizeId })).statusCode).toBe(201);
    const late = await (await as(qc[6])).post(claimUrl(s.activity.id), { prizeId: s.prizeId });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'CLAIM_SOLD_OUT', message: '来晚了，该奖品已领完' });
    // The refused claim took nothing from the member's limit either.
    expect(await t.deps.db.select().from(claimCounters).where(and(eq(claimCounters.activityId, s.activity.id), eq(claimCounters.personId, qc[6].personId)))).toHaveLength(0);
    expect((await (await as(qc[6])).get(`/api/me/activities/${s.activity.id}`)).json()).toMatchObject({ soldOut: true, prizes: [expect.objectContaining({ soldOut: true, blocker: 'sold_out' })] });
    const rows = await t.deps.db.select().from(prizeStock).where(eq(prizeStock.prizeId, s.prizeId));
    expect(rows.every((r) => r.remaining === 0)).toBe(true);
    // Once the server knows the prize is gone it says so at once, but never before the refusals
    // that come first: someone outside the scope still learns nothing of the activity.
    expect((await (await as(qc[7])).post(claimUrl(s.activity.id), { prizeId: s.prizeId })).json().code).toBe('CLAIM_SOLD_OUT');
    expect((await (await as(dgy[1])).post(claimUrl(s.activity.id), { prizeId: s.prizeId })).json().code).toBe('ACTIVITY_NOT_IN_SCOPE');
    expect((await (await registerWorker(t)).client.post(claimUrl(s.activity.id), { prizeId: s.prizeId })).json().code).toBe('NOT_VERIFIED');

    const off = await welfareSetup(t.deps.db, t.deps.crypto, qcOrg, now(), { quantity: 2, coupon: { enabled: false } });
    expect((await (await as(qc[6])).post(claimUrl(off.activity.id), { prizeId: off.prizeId })).json().code).toBe('CLAIM_COUPON_DISABLED');
    const wrong = await (await as(qc[6])).post(claimUrl(off.activity.id), { prizeId: s.prizeId });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().message).toBe('该活动没有这个奖品');
  });

  it('answers bad input in Chinese and changes nothing', async () => {
    const s = await welfareSetup(t.deps.db, t.deps.crypto, qcOrg, now(), { quantity: 2 });
    const member = await as(qc[7]);
    for (const body of [{}, { prizeId: 'x' }, { prizeId: s.prizeId, extra: 1 }, { prizeId: 12 }, { prizeId: `${s.prizeId}'; drop table e_coupons;--` }]) {
      const r = await member.post(claimUrl(s.activity.id), body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await member.post(claimUrl('not-a-uuid'), { prizeId: s.prizeId })).json().code).toBe('VALIDATION_FAILED');
    expect((await member.post(claimUrl(s.activity.id), { prizeId: 'a'.repeat(2_000_000) })).statusCode).toBe(413);
    expect((await member.get('/api/me/coupons?status=whatever')).statusCode).toBe(400);
    expect((await member.get('/api/me/coupons?pageSize=100000')).statusCode).toBe(400);
    expect(await stockOf(s.prizeId)).toBe(2);
  });
});

describe('Idempotency-Key', () => {
  it('replays the first e-coupon for a retry, refuses the key for another request, and does not keep refusals', async () => {
    const s = await welfareSetup(t.deps.db, t.deps.crypto, qcOrg, now(), { quantity: 5 });
    const member = await as(qc[8]);
    const key = { 'idempotency-key': 'claim-6c1f1f2e-retry' };
    const first = await member.post(claimUrl(s.activity.id), { prizeId: s.prizeId }, key);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const retry = await member.post(claimUrl(s.activity.id), { prizeId: s.prizeId }, key);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    expect(await couponsOf(s.prizeId)).toHaveLength(1);
    expect(await stockOf(s.prizeId)).toBe(4);

    // Even after the activity has closed, the retry gets the first answer, not a refusal.
    await t.deps.db.execute(sql`update activities set is_open = false where id = ${s.activity.id}`);
    expect((await member.post(claimUrl(s.activity.id), { prizeId: s.prizeId }, key)).json()).toEqual(first.json());
    await t.deps.db.execute(sql`update activities set is_open = true where id = ${s.activity.id}`);

    // The same key on another request is refused, plainly.
    const other = await welfareSetup(t.deps.db, t.deps.crypto, qcOrg, now(), { quantity: 5 });
    const reused = await member.post(claimUrl(other.activity.id), { prizeId: other.prizeId }, key);
    expect(reused.statusCode).toBe(422);
    expect(reused.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', message: expect.stringContaining('另一项不同的操作') });
    expect(await couponsOf(other.prizeId)).toHaveLength(0);
    // Keys are per account: another member's same key is theirs alone.
    const second = await (await as(qc[9])).post(claimUrl(s.activity.id), { prizeId: s.prizeId }, key);
    expect(second.statusCode).toBe(201);
    expect(second.json().id).not.toBe(first.json().id);

    // A malformed key is refused rather than ignored.
    for (const bad of ['short', 'x'.repeat(200), 'has space inside', '中文的请求编号很长很长']) {
      const r = await member.post(claimUrl(other.activity.id), { prizeId: other.prizeId }, { 'idempotency-key': bad });
      expect(r.json().code, bad).toBe('IDEMPOTENCY_KEY_INVALID');
    }

    // A refusal is not remembered: the same key is judged afresh (here: still the limit).
    const limitKey = { 'idempotency-key': 'claim-limit-judged-again' };
    expect((await member.post(claimUrl(s.activity.id), { prizeId: s.prizeId }, limitKey)).json().code).toBe('CLAIM_LIMIT_REACHED');
    expect(await t.deps.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, 'claim-limit-judged-again'))).toHaveLength(0);
  });

  it('forgets answers after a day: the purge removes them and the key may be used again', async () => {
    const s = await welfareSetup(t.deps.db, t.deps.crypto, qcOrg, now(), { quantity: 5, claimLimitKind: 'daily', claimLimitPerDay: 5 });
    const key = { 'idempotency-key': 'claim-expiring-key-1' };
    const first = await (await as(qc[10])).post(claimUrl(s.activity.id), { prizeId: s.prizeId }, key);
    expect(first.statusCode).toBe(201);
    advance(DAY - 60_000);
    expect((await (await as(qc[10])).post(claimUrl(s.activity.id), { prizeId: s.prizeId }, key)).json().id).toBe(first.json().id);
    expect(await purgeExpiredIdempotencyKeys(t.deps.db, now())).toBe(0);
    advance(2 * 60_000);
    expect(await purgeExpiredIdempotencyKeys(t.deps.db, now())).toBeGreaterThanOrEqual(1);
    const later = await (await as(qc[10])).post(claimUrl(s.activity.id), { prizeId: s.prizeId }, key);
    expect(later.statusCode).toBe(201);
    expect(later.json().id).not.toBe(first.json().id);
  });
});

describe('coupon QR token', () => {
  it('is opaque, signed, lasts two minutes and is only issued for a coupon still to be used', async () => {
    const s = await welfareSetup(t.deps.db, t.deps.crypto, qcOrg, now(), { quantity: 2 });
    const member = await as(qc[11]);
    const coupon = (await member.post(claimUrl(s.activity.id), { prizeId: s.prizeId })).json();
    const r = await member.post(`/api/me/coupons/${coupon.id}/token`);
    expect(r.statusCode, r.body).toBe(200);
    const { token, issuedAt, expiresAt } = r.json();
    expect(new Date(expiresAt).getTime() - new Date(issuedAt).getTime()).toBe(COUPON_TOKEN_TTL_MS);
    const raw = Buffer.from(token, 'base64url').toString('latin1');
    expect(raw).not.toContain(coupon.id);
    expect(raw).not.toContain(coupon.code.replace(/-/g, ''));
    expect(token).not.toContain(coupon.code.replace(/-/g, ''));
    expect((await member.post(`/api/me/coupons/${coupon.id}/token`)).json().token).not.toBe(token);

    await t.deps.db.execute(sql`update e_coupons set status = 'expired', expired_at = now() where id = ${coupon.id}`);
    expect((await member.post(`/api/me/coupons/${coupon.id}/token`)).json().code).toBe('REDEMPTION_EXPIRED');
  });
});
