import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/audit.table.js';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness.js';
import { activityBody, DAY, enabledCoupon, PNG, putFile, ZIP_AS_PNG } from './benefits-console.fixtures.js';
import { FIXTURE_PASSWORD, insertStaff, insertVerifiedMembers } from './benefits.fixtures.js';
import { activityPrizes, prizeStock } from './benefits.table.js';
import { insertECoupons, redeemHeld } from './settlement.fixtures.js';
import { STOCK_BUCKETS } from './stock-buckets.js';

let t: TestContext;
let dgy: TestClient; // 济南大观园商业管理有限公司工会: the publishing union
let shizhong: TestClient; // 市中区总工会: acts for the street union above it (the reviewer)
let lixia: TestClient; // another district: outside
let coupon: { id: string; merchantId: string; version: number; name: string };
const now = () => t.deps.now().getTime();

beforeAll(async () => {
  t = await createTestContext({ rateLimits: { global: 10_000, login: 1_000, sms: 1_000 } });
  dgy = await t.as('daguanyuan_admin');
  shizhong = await t.as('shizhong_admin');
  lixia = await t.as('lixia_admin');
  coupon = await enabledCoupon(dgy, now(), { quantity: 1000, validFrom: new Date(now()).toISOString(), validTo: new Date(now() + 30 * DAY).toISOString() });
});
afterAll(async () => t?.close());

const create = async (over: Record<string, unknown> = {}, prizes = [{ couponId: coupon.id, quantity: 100 }]) => {
  const r = await dgy.post('/api/activities', activityBody(now(), prizes, over));
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string; version: number; status: string };
};
/** The review in the upper union's 辖区全部 (the street union above the publisher has no login of its own in the demo; its district acts for it). */
async function reviewInTodo(c: TestClient, subjectType: string, subjectId: string) {
  const all = (await c.get(`/api/reviews?box=all&subjectType=${subjectType}&status=pending`)).json();
  return all.items.find((x: { subjectId: string }) => x.subjectId === subjectId) as { id: string; title: string; submitterOrgName: string; waitingFor: string[] } | undefined;
}
const trailOf = async (c: TestClient, reviewId: string) => ((await c.get(`/api/reviews/${reviewId}`)).json().trail as { action: string; reason: string | null; actorOrgName: string | null }[]).map((x) => x.action);

describe('creating an activity (领券活动, seed 001 fig. 28)', () => {
  it('keeps the fields as a draft with its prize list, reserving the coupons', async () => {
    const body = activityBody(now(), [{ couponId: coupon.id, quantity: 100 }], { claimLimitKind: 'daily', claimLimitPerDay: 2, scope: 'subtree' });
    const r = await dgy.post('/api/activities', body);
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({
      title: '中秋节福利发放',
      kind: 'coupon_claim',
      status: 'draft',
      isOpen: false,
      claimLimitKind: 'daily',
      claimLimitPerDay: 2,
      scope: 'subtree',
      startsAt: body.startsAt,
      endsAt: body.endsAt,
      orgName: '济南大观园商业管理有限公司工会',
      canEdit: true,
      counts: { registered: 0, participants: 0, redeemed: 0 },
      prizes: [{ couponId: coupon.id, couponName: '中秋节福利券', quantity: 100, remaining: 100, faceValueFen: 5000 }],
      reviewId: null,
    });
    expect((await dgy.get(`/api/coupons/${coupon.id}`)).json().allocated).toBe(100);
  });

  it('keeps only safe rich text: scripts, handlers, javascript: links and frames are removed', async () => {
    const hostile =
      '<p onclick="steal()">中秋<script>alert(document.cookie)</script>快乐</p><img src="x" onerror="alert(1)"><a href="javascript:alert(1)">点我</a><iframe src="https://evil.example"></iframe><a href="https://example.com/rules">规则</a><p style="text-align:center;position:fixed">居中</p>';
    const a = await dgy.post('/api/activities', activityBody(now(), [], { contentHtml: hostile }));
    expect(a.statusCode, a.body).toBe(201);
    const html = a.json().contentHtml as string;
    for (const bad of ['<script', 'alert', 'onclick', 'onerror', 'javascript:', '<iframe', 'position']) expect(html).not.toContain(bad);
    expect(html).toContain('<p>中秋快乐</p>');
    expect(html).toContain('<a href="https://example.com/rules" target="_blank" rel="noopener noreferrer nofollow">规则</a>');
    expect(html).toContain('<p style="text-align:center">居中</p>');
  });

  it('refuses a window in the past or ending before it starts, bad limits, and huge content', async () => {
    const past = await dgy.post('/api/activities', activityBody(now(), [], { startsAt: new Date(now() - 60_000).toISOString() }));
    expect(past.statusCode).toBe(400);
    expect(past.json()).toMatchObject({ code: 'ACTIVITY_WINDOW_PAST', message: '活动开始时间要晚于当前时间' });
    const cases: [Record<string, unknown>, string][] = [
      [{ endsAt: new Date(now() + 30 * 60_000).toISOString() }, 'endsAt'],
      [{ claimLimitKind: 'daily' }, 'claimLimitPerDay'],
      [{ claimLimitKind: 'daily', claimLimitPerDay: 101 }, 'claimLimitPerDay'],
      [{ claimLimitKind: 'daily', claimLimitPerDay: 0 }, 'claimLimitPerDay'],
      [{ claimLimitKind: 'weekly' }, 'claimLimitKind'],
      [{ scope: 'city' }, 'scope'],
      [{ title: '' }, 'title'],
      [{ contentHtml: 'x'.repeat(100_001) }, 'contentHtml'],
      [{ startsAt: 'tomorrow' }, 'startsAt'],
    ];
    for (const [over, path] of cases) {
      const r = await dgy.post('/api/activities', activityBody(now(), [], over));
      expect(r.statusCode, JSON.stringify(over).slice(0, 80)).toBe(400);
      expect(JSON.stringify(r.json().details)).toContain(path);
    }
  });

  it('refuses prize quantities of 0 or beyond what the coupon has left, disabled or foreign coupons, and a coupon twice', async () => {
    const left = (await dgy.get(`/api/coupons/${coupon.id}`)).json().unallocated;
    const zero = await dgy.post('/api/activities', activityBody(now(), [{ couponId: coupon.id, quantity: 0 }]));
    expect(zero.statusCode).toBe(400);
    expect(zero.json().details[0]).toMatchObject({ path: 'prizes.0.quantity', message: '奖品数量至少为1' });
    const beyond = await dgy.post('/api/activities', activityBody(now(), [{ couponId: coupon.id, quantity: left + 1 }]));
    expect(beyond.statusCode).toBe(409);
    expect(beyond.json()).toMatchObject({ code: 'COUPON_STOCK_SHORT', details: [{ path: 'prizes.0.quantity' }] });
    expect(beyond.json().message).toContain(`尚未分配的数量为${left}张`);
    const twice = await dgy.post('/api/activities', activityBody(now(), [{ couponId: coupon.id, quantity: 1 }, { couponId: coupon.id, quantity: 1 }]));
    expect(twice.statusCode).toBe(400);
    const off = await enabledCoupon(dgy, now(), { quantity: 10 }, coupon.merchantId);
    await dgy.post(`/api/coupons/${off.id}/disable`, { version: off.version });
    const disabled = await dgy.post('/api/activities', activityBody(now(), [{ couponId: off.id, quantity: 1 }]));
    expect(disabled.statusCode).toBe(409);
    expect(disabled.json().code).toBe('COUPON_DISABLED');
    const foreign = await enabledCoupon(lixia, now());
    const f = await dgy.post('/api/activities', activityBody(now(), [{ couponId: foreign.id, quantity: 1 }]));
    expect(f.statusCode).toBe(400);
    expect(f.json().details[0]).toMatchObject({ path: 'prizes.0.couponId', message: '优惠券不存在或不在您的管辖范围内' });
    const expired = await enabledCoupon(dgy, now(), { quantity: 10, validFrom: new Date(now() - 2 * DAY).toISOString(), validTo: new Date(now() + 30 * 60_000).toISOString() }, coupon.merchantId);
    const e = await dgy.post('/api/activities', activityBody(now(), [{ couponId: expired.id, quantity: 1 }]));
    expect(e.statusCode).toBe(400);
    expect(e.json().details[0].message).toContain('有效期在活动开始前已结束');
    // Nothing was reserved by the refusals.
    expect((await dgy.get(`/api/coupons/${coupon.id}`)).json().unallocated).toBe(left);
  });
});

describe('allocation under concurrency', () => {
  it('activities racing for one coupon never hold more than it has: the coupon row is locked while its stock is counted', async () => {
    const scarce = await enabledCoupon(dgy, now(), { quantity: 1000, validFrom: new Date(now()).toISOString(), validTo: new Date(now() + 30 * DAY).toISOString() }, coupon.merchantId);
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => dgy.post('/api/activities', activityBody(now(), [{ couponId: scarce.id, quantity: 300 }], { title: `抢券${i}` }))));
    const codes = answers.map((r) => (r.statusCode === 201 ? 'ok' : r.json().code)).sort();
    expect(codes).toEqual(['COUPON_STOCK_SHORT', 'COUPON_STOCK_SHORT', 'COUPON_STOCK_SHORT', 'ok', 'ok', 'ok']);
    expect((await dgy.get(`/api/coupons/${scarce.id}`)).json()).toMatchObject({ allocated: 900, unallocated: 100 });
  });
});

describe('editing until submitted, and the review round by the upper union', () => {
  let id: string;
  let reviewId: string;

  it('edits a draft (prize list replaced, stale version refused), uploads a cover, and refuses to submit without prizes', async () => {
    const a = await create({}, []);
    id = a.id;
    expect((await dgy.post(`/api/activities/${id}/submit`, { version: a.version })).json().code).toBe('ACTIVITY_NO_PRIZES');
    const edited = await dgy.patch(`/api/activities/${id}`, { version: a.version, title: '国庆节福利发放', prizes: [{ couponId: coupon.id, quantity: 50 }] });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ title: '国庆节福利发放', version: a.version + 1, prizes: [{ quantity: 50 }] });
    expect((await dgy.patch(`/api/activities/${id}`, { version: a.version, title: '旧' })).json().code).toBe('CONFLICT');
    const daily = await dgy.patch(`/api/activities/${id}`, { version: edited.json().version, claimLimitKind: 'daily', claimLimitPerDay: 3 });
    expect(daily.json()).toMatchObject({ claimLimitKind: 'daily', claimLimitPerDay: 3 });
    const keep = await dgy.patch(`/api/activities/${id}`, { version: daily.json().version, claimLimitKind: 'daily' });
    expect(keep.json()).toMatchObject({ claimLimitKind: 'daily', claimLimitPerDay: 3 });
    expect((await dgy.patch(`/api/activities/${id}`, { version: keep.json().version, claimLimitPerDay: null })).statusCode).toBe(400);
    const once = await dgy.patch(`/api/activities/${id}`, { version: keep.json().version, claimLimitKind: 'once' });
    expect(once.json()).toMatchObject({ claimLimitKind: 'once', claimLimitPerDay: null });
    const cover = await putFile(dgy, `/api/activities/${id}/cover`, PNG, 'cover.png');
    expect(once.json().version).toBeLessThan(cover.json().version);
    expect(cover.statusCode, cover.body).toBe(200);
    expect(cover.json().coverImage).toEqual({ mime: 'image/png', size: PNG.length });
    expect((await dgy.get(`/api/activities/${id}/cover`)).rawPayload.equals(PNG)).toBe(true);
    expect((await putFile(dgy, `/api/activities/${id}/cover`, ZIP_AS_PNG, 'cover.png')).json().code).toBe('IMAGE_REJECTED');
    const pastEdit = await dgy.patch(`/api/activities/${id}`, { version: cover.json().version, startsAt: new Date(now() - 1000).toISOString() });
    expect(pastEdit.json().code).toBe('ACTIVITY_WINDOW_PAST');
  });

  it('submits to the upper union: no longer editable, shown in the reviewer’s 审核待办 with what it hands out', async () => {
    const a = (await dgy.get(`/api/activities/${id}`)).json();
    const s = await dgy.post(`/api/activities/${id}/submit`, { version: a.version });
    expect(s.statusCode, s.body).toBe(200);
    expect(s.json()).toMatchObject({ status: 'pending', canEdit: false });
    reviewId = s.json().reviewId;
    const todo = await reviewInTodo(shizhong, 'benefit_activity', id);
    expect(todo).toMatchObject({ id: reviewId, title: '国庆节福利发放（普惠活动）', submitterOrgName: '济南大观园商业管理有限公司工会', waitingFor: ['大观园街道总工会'] });
    const detail = (await shizhong.get(`/api/reviews/${reviewId}`)).json();
    expect(detail.steps[0]).toMatchObject({ reviewerOrgName: '大观园街道总工会', canAct: true });
    expect(detail.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ label: '奖品1', after: expect.stringContaining('中秋节福利券（') }),
        expect.objectContaining({ label: '活动内容', after: '每位会员可领取一张中秋节福利券。' }),
        expect.objectContaining({ label: '领券次数', after: '只能一次' }),
      ]),
    );
    const edit = await dgy.patch(`/api/activities/${id}`, { version: s.json().version, title: '偷改' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json()).toMatchObject({ code: 'ACTIVITY_NOT_EDITABLE', message: '活动已提交审核，不能再编辑；如需修改，请先撤回或等待退回' });
    expect((await putFile(dgy, `/api/activities/${id}/cover`, PNG)).json().code).toBe('ACTIVITY_NOT_EDITABLE');
    expect((await dgy.post(`/api/activities/${id}/submit`, { version: s.json().version })).json().code).toBe('ACTIVITY_NOT_SUBMITTABLE');
    expect((await dgy.post(`/api/activities/${id}/open`, { version: s.json().version })).json().code).toBe('ACTIVITY_NOT_APPROVED');
  });

  it('the submitting union cannot approve its own activity', async () => {
    const own = await dgy.post(`/api/reviews/${reviewId}/approve`, { version: 1 });
    expect([403, 404]).toContain(own.statusCode);
    expect((await dgy.get(`/api/activities/${id}`)).json().status).toBe('pending');
  });

  it('returned with a reason, edited, resubmitted, approved: the trail keeps every step', async () => {
    const ret = await shizhong.post(`/api/reviews/${reviewId}/return`, { version: 1, reason: '奖品数量与采购数量不一致' });
    expect(ret.statusCode, ret.body).toBe(200);
    let a = (await dgy.get(`/api/activities/${id}`)).json();
    expect(a).toMatchObject({ status: 'returned', canEdit: true, returnReason: '奖品数量与采购数量不一致' });
    expect(a.reviewedAt).not.toBeNull();
    a = (await dgy.patch(`/api/activities/${id}`, { version: a.version, prizes: [{ couponId: coupon.id, quantity: 40 }] })).json();
    expect(a.prizes[0].quantity).toBe(40);
    const re = await dgy.post(`/api/activities/${id}/submit`, { version: a.version });
    expect(re.statusCode, re.body).toBe(200);
    expect(re.json().status).toBe('pending');
    expect(re.json().reviewId).toBe(reviewId);
    const detail = (await shizhong.get(`/api/reviews/${reviewId}`)).json();
    expect(detail.round).toBe(2);
    const ok = await shizhong.post(`/api/reviews/${reviewId}/approve`, { version: detail.version, reason: '同意' });
    expect(ok.statusCode, ok.body).toBe(200);
    a = (await dgy.get(`/api/activities/${id}`)).json();
    expect(a).toMatchObject({ status: 'approved', isOpen: false, canEdit: false, returnReason: null });
    expect(await trailOf(dgy, reviewId)).toEqual(['submitted', 'returned', 'resubmitted', 'approved']);
    const actions = (await t.deps.db.select().from(auditLog).where(eq(auditLog.objectId, id))).map((x) => x.action);
    expect(actions).toEqual(expect.arrayContaining(['activity.created', 'activity.updated', 'activity.cover_uploaded', 'activity.submitted', 'activity.returned', 'activity.approved']));
  });

  it('approval writes the prize’s stock as buckets summing to its quantity', async () => {
    const [prize] = await t.deps.db.select().from(activityPrizes).where(eq(activityPrizes.activityId, id));
    const rows = await t.deps.db.select().from(prizeStock).where(eq(prizeStock.prizeId, prize.id));
    expect(rows).toHaveLength(Math.min(STOCK_BUCKETS, 40));
    expect(rows.reduce((s, r) => s + r.remaining, 0)).toBe(40);
    expect((await dgy.get(`/api/activities/${id}`)).json().prizes[0]).toMatchObject({ quantity: 40, remaining: 40 });
  });

  it('opens and closes only once approved; closed, members do not see it; it is never deleted', async () => {
    const [member] = await insertVerifiedMembers(t.deps.db, t.deps.crypto, await t.orgId('济南大观园商业管理有限公司工会'), 1);
    const app = t.client();
    expect((await app.login(member.username, FIXTURE_PASSWORD)).statusCode).toBe(200);
    const listed = async () => (await app.get('/api/me/activities')).json().items.map((x: { id: string }) => x.id) as string[];
    expect(await listed()).not.toContain(id);
    let a = (await dgy.get(`/api/activities/${id}`)).json();
    const open = await dgy.post(`/api/activities/${id}/open`, { version: a.version });
    expect(open.statusCode, open.body).toBe(200);
    expect(open.json().isOpen).toBe(true);
    expect(await listed()).toContain(id);
    expect((await dgy.post(`/api/activities/${id}/close`, { version: a.version })).json().code).toBe('CONFLICT');
    a = (await dgy.post(`/api/activities/${id}/close`, { version: open.json().version })).json();
    expect(a.isOpen).toBe(false);
    expect(await listed()).not.toContain(id);
    expect((await dgy.request('DELETE', `/api/activities/${id}`)).statusCode).toBe(404);
    expect((await dgy.get(`/api/activities/${id}`)).json()).toMatchObject({ status: 'approved', isOpen: false });
    const actions = (await t.deps.db.select().from(auditLog).where(eq(auditLog.objectId, id))).map((x) => x.action);
    expect(actions).toEqual(expect.arrayContaining(['activity.opened', 'activity.closed']));
  });

  it('a withdrawn submission is a draft again and goes back to the same review as a new round', async () => {
    const b = await create({ title: '元旦福利' }, [{ couponId: coupon.id, quantity: 10 }]);
    const s = (await dgy.post(`/api/activities/${b.id}/submit`, { version: b.version })).json();
    const w = await dgy.post(`/api/reviews/${s.reviewId}/withdraw`, { version: 1, reason: '活动时间要调整' });
    expect(w.statusCode, w.body).toBe(200);
    let a = (await dgy.get(`/api/activities/${b.id}`)).json();
    expect(a).toMatchObject({ status: 'draft', canEdit: true });
    a = (await dgy.patch(`/api/activities/${b.id}`, { version: a.version, endsAt: new Date(now() + 9 * DAY).toISOString() })).json();
    const again = await dgy.post(`/api/activities/${b.id}/submit`, { version: a.version });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ status: 'pending', reviewId: s.reviewId });
    expect(await reviewInTodo(shizhong, 'benefit_activity', b.id)).toBeDefined();
    expect(await trailOf(dgy, s.reviewId)).toEqual(['submitted', 'withdrawn', 'submitted']);
    // Returned, it may also be resubmitted from 审核待办 (the shared reviews API).
    const detail = (await shizhong.get(`/api/reviews/${s.reviewId}`)).json();
    await shizhong.post(`/api/reviews/${s.reviewId}/return`, { version: detail.version, reason: '请补充活动内容' });
    const rv = (await dgy.get(`/api/reviews/${s.reviewId}`)).json();
    const viaReviews = await dgy.post(`/api/reviews/${s.reviewId}/resubmit`, { version: rv.version });
    expect(viaReviews.statusCode, viaReviews.body).toBe(200);
    expect((await dgy.get(`/api/activities/${b.id}`)).json().status).toBe('pending');
  });

  it('only the publishing union submits; a city federation activity has no upper union to review it', async () => {
    const a = await create({ title: '上级不能代交' }, [{ couponId: coupon.id, quantity: 1 }]);
    const byUpper = await shizhong.post(`/api/activities/${a.id}/submit`, { version: a.version });
    expect(byUpper.statusCode).toBe(403);
    expect(byUpper.json().message).toBe('只有发布活动的工会可以提交审核');
    const city = await t.as('city_admin');
    const cityCoupon = await enabledCoupon(city, now(), { quantity: 5, validFrom: new Date(now()).toISOString(), validTo: new Date(now() + 30 * DAY).toISOString() });
    const top = (await city.post('/api/activities', activityBody(now(), [{ couponId: cityCoupon.id, quantity: 5 }]))).json();
    const r = await city.post(`/api/activities/${top.id}/submit`, { version: top.version });
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ code: 'ACTIVITY_NO_UPPER_UNION', message: '本工会没有上级工会，活动无法提交审核' });
    expect((await city.get(`/api/activities/${top.id}`)).json().status).toBe('draft');
  });

  it('a submission whose start has passed meanwhile is refused until the window is moved', async () => {
    const c = await create({ startsAt: new Date(now() + 60_000).toISOString() }, [{ couponId: coupon.id, quantity: 1 }]);
    t.clock.advance(2 * 60_000);
    const r = await dgy.post(`/api/activities/${c.id}/submit`, { version: c.version });
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('ACTIVITY_WINDOW_PAST');
    expect((await dgy.get(`/api/activities/${c.id}`)).json().status).toBe('draft');
  });
});

describe('the fig. 29 list', () => {
  it('shows registered, participants and redeemed per activity and a 合计 row over every match', async () => {
    const org = await t.orgId('济南大观园商业管理有限公司工会');
    const members = await insertVerifiedMembers(t.deps.db, t.deps.crypto, org, 5);
    const list0 = (await dgy.get('/api/activities?status=approved')).json();
    const target = list0.items[0];
    const [prize] = await t.deps.db.select().from(activityPrizes).where(eq(activityPrizes.activityId, target.id));
    const at = new Date(now());
    // Five members claim; the first claims twice (two prizes' worth, as a daily activity allows); three redeem.
    const held = await insertECoupons(t.deps.db, { activityId: target.id, prizeId: prize.id, couponId: coupon.id, members: [...members, members[0]], validFrom: at, validTo: new Date(now() + 10 * DAY), faceValueFen: 5000, claimedAt: at });
    const staff = await insertStaff(t.deps.db, coupon.merchantId);
    await redeemHeld(t.deps.db, [held[0], held[5], held[1], held[2]], coupon.merchantId, staff.accountId, at, 5000);
    const list = (await dgy.get('/api/activities')).json();
    const row = list.items.find((x: { id: string }) => x.id === target.id);
    expect(row).toMatchObject({ counts: { registered: 5, participants: 3, redeemed: 4 }, merchantNames: [(await dgy.get(`/api/coupons/${coupon.id}`)).json().merchantName], status: 'approved', reviewId: expect.any(String), reviewedAt: expect.any(String) });
    expect(list.totals).toEqual({ registered: 5, participants: 3, redeemed: 4 });
    expect((await dgy.get(`/api/activities/${target.id}`)).json().counts).toEqual({ registered: 5, participants: 3, redeemed: 4 });
    // The totals cover every matching activity, not only the page shown.
    const page = (await dgy.get('/api/activities?pageSize=1&page=2')).json();
    expect(page.items).toHaveLength(1);
    expect(page.totals).toEqual(list.totals);
    expect(page.total).toBe(list.total);
    // Filters: title, review status, open/closed, merchant.
    expect((await dgy.get('/api/activities?q=国庆')).json().items.map((x: { title: string }) => x.title)).toEqual(['国庆节福利发放']);
    expect((await dgy.get('/api/activities?status=draft')).json().totals).toEqual({ registered: 0, participants: 0, redeemed: 0 });
    expect((await dgy.get('/api/activities?open=open')).json().total).toBe(0);
    expect((await dgy.get(`/api/activities?merchantId=${coupon.merchantId}`)).json().total).toBeGreaterThan(0);
    // The upper union sees the base union's activity and its counts.
    expect((await shizhong.get('/api/activities')).json().totals).toEqual(list.totals);
    expect((await lixia.get('/api/activities')).json()).toMatchObject({ total: 0, totals: { registered: 0, participants: 0, redeemed: 0 } });
  });
});

describe('scope: outside the subtree every activity endpoint answers 404 and changes nothing', () => {
  it('another district cannot read, edit, cover, submit, open, close or export the activity', async () => {
    const a = await create({ title: '外人不可见' });
    const answers = [
      await lixia.get(`/api/activities/${a.id}`),
      await lixia.patch(`/api/activities/${a.id}`, { version: a.version, title: '被改了' }),
      await putFile(lixia, `/api/activities/${a.id}/cover`, PNG),
      await lixia.get(`/api/activities/${a.id}/cover`),
      await lixia.post(`/api/activities/${a.id}/submit`, { version: a.version }),
      await lixia.post(`/api/activities/${a.id}/open`, { version: a.version }),
      await lixia.post(`/api/activities/${a.id}/close`, { version: a.version }),
      await lixia.get(`/api/activities/${a.id}/redemptions`),
      await lixia.get(`/api/activities/${a.id}/settlement`),
      await lixia.get(`/api/activities/${a.id}/settlement.xlsx`),
    ];
    for (const r of answers) expect(r.statusCode, r.body).toBe(404);
    expect((await dgy.get(`/api/activities/${a.id}`)).json()).toMatchObject({ title: '外人不可见', version: a.version, status: 'draft' });
  });
});

