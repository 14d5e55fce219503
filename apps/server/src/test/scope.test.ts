import { chinaToday, makeIdNumber } from '@gonghui/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../platform/audit/audit.table.js';
import { workUnits } from '../modules/organisations/organisations.table.js';
import { accounts, posts } from '../modules/accounts/accounts.table.js';
import { createTestContext, type TestClient, type TestContext } from './harness.js';
import { FIXTURE_PASSWORD, insertStaff, insertVerifiedMembers, welfareSetup } from '../modules/benefits/benefits.fixtures.js';
import { couponAuthorisations, merchantStaff } from '../modules/benefits/benefits.table.js';
import { insertECoupons } from '../modules/benefits/settlement.fixtures.js';

/**
 * SECURITY.md's most important rule, proven for every endpoint the API documents:
 * a caller in 历下区总工会 who holds the route's permission asks for an object in
 * 市中区总工会's subtree and gets 404, and nothing changes.
 */
let t: TestContext;
const year = Number(chinaToday().slice(0, 4));
const callers: Record<'operator' | 'security_admin' | 'audit_admin' | 'member', TestClient> = {} as never;
const outside: Record<string, string> = {};

async function registerAndBind(code: string, username: string, phone: string): Promise<TestClient> {
  const c = t.client();
  t.clock.advance(61_000);
  await c.post('/api/auth/sms-code', { purpose: 'register', phone, ...(await c.captcha()) });
  const reg = await c.post('/api/auth/register', { username, name: '测试人员', phone, smsCode: t.sms.lastCode(phone), password: 'Scope#Test2026' });
  expect(reg.statusCode).toBe(201);
  const bound = await c.post('/api/me/posts/bind', { code });
  expect(bound.statusCode).toBe(200);
  return c;
}

beforeAll(async () => {
  t = await createTestContext();
  const lixia = await t.orgId('历下区总工会');
  const security = await t.as('city_security');
  const codeFor = async (role: string) => (await security.post(`/api/orgs/${lixia}/activation-codes`, { role })).json().code as string;
  callers.operator = await t.as('lixia_admin');
  callers.security_admin = await registerAndBind(await codeFor('security_admin'), 'lixia_security', '13500000001');
  callers.audit_admin = await registerAndBind(await codeFor('audit_admin'), 'lixia_audit', '13500000002');

  // Objects of every kind inside 市中区总工会's subtree.
  const shizhong = await t.orgId('市中区总工会');
  const shizhongBase = await t.orgId('济南大观园商业管理有限公司工会');
  const owner = await t.as('shizhong_admin');
  const code = (await owner.post(`/api/orgs/${shizhongBase}/activation-codes`, { role: 'operator' })).json();
  const [wu] = await t.deps.db.select({ id: workUnits.id }).from(workUnits).where(eq(workUnits.orgId, shizhongBase));
  const [acc] = await t.deps.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, 'shizhong_admin'));
  const [post] = await t.deps.db.select({ id: posts.id }).from(posts).where(eq(posts.accountId, acc.id));
  const member = (
    await owner.post(`/api/orgs/${shizhongBase}/members`, { idType: 'resident_id', idNumber: '11010519491231002X', name: '范围外会员', phone: '13900001111' })
  ).json();
  expect(member.memberNo).toMatch(/^\d{10}$/);
  const memberImport = (await owner.post(`/api/orgs/${shizhongBase}/member-imports/org-code`, { orgCode: 'D2143569X' })).json();
  expect(memberImport.task.id).toBeDefined();
  // A transfer under review inside 市中区: its review is invisible from 历下区.
  const member2 = (await owner.post(`/api/orgs/${shizhongBase}/members`, { idType: 'resident_id', idNumber: '360426199101010071', name: '范围外转会' })).json();
  const transfer = (await owner.post(`/api/members/${member2.id}/transfer-out`, { targetOrgId: await t.orgId('山东经四路医药连锁有限公司工会'), reason: '调动', version: 1 })).json();
  expect(transfer.reviewId).toBeDefined();
  // Someone else's application: nobody but its applicant may act on it.
  const applicant = t.client();
  t.clock.advance(61_000);
  await applicant.post('/api/auth/sms-code', { purpose: 'register', phone: '13500000009', ...(await applicant.captcha()) });
  await applicant.post('/api/auth/register', { username: 'scope_worker', name: '申请人', phone: '13500000009', smsCode: t.sms.lastCode('13500000009'), password: 'Scope#Test2026' });
  const application = (
    await applicant.post('/api/me/applications', { kind: 'join', targetOrgId: shizhongBase, name: '申请人', idNumber: makeIdNumber({ birthDate: '1990-05-05', sex: 'female', seq: 88 }), phone: '13500000009', workUnitName: '某单位' })
  ).json();
  expect(application.id).toBeDefined();
  // The outside member verified by their own account: revoking it from 历下区 must find nothing.
  const verifier = t.client();
  t.clock.advance(61_000);
  await verifier.post('/api/auth/sms-code', { purpose: 'register', phone: '13500000010', ...(await verifier.captcha()) });
  await verifier.post('/api/auth/register', { phone: '13500000010', smsCode: t.sms.lastCode('13500000010'), password: 'Scope#Test2026' });
  const verification = (await verifier.post('/api/me/verification', { name: '范围外会员', idNumber: '11010519491231002X', agreed: true })).json();
  expect(verification.status, JSON.stringify(verification)).toBe('pending');
  const verificationReview = (await owner.get('/api/reviews?box=all&subjectType=member_verification')).json().items.find((x: { subjectId: string }) => x.subjectId === verification.id);
  expect((await owner.post(`/api/reviews/${verificationReview.id}/approve`, { version: 1 })).statusCode).toBe(200);
  const city = await t.as('city_admin');
  const inspection = (await city.post('/api/inspections', { year: 2026, kind: 'org', deadline: '2099-12-31' })).json();
  // Campaigns are notices to everyone below the city: what is scoped is the organisation asked about.
  Object.assign(outside, { inspection: inspection.id, memberImport: memberImport.task.id, review: transfer.reviewId, application: application.id });
  const orgChange = (await owner.post(`/api/orgs/${shizhongBase}/modifications`, { version: 1, chairName: '范围外修改' })).json();
  expect(orgChange.id).toBeDefined();
  outside.orgChange = orgChange.id;
  // A mutual-aid enrolment of 大观园 (市中区), under review.
  await city.post('/api/mutual-aid/plans', { year, title: '年度计划', coverage: '住院医疗互助', contributionFen: 3000, enrolFrom: `${year}-01-01`, enrolTo: `${year}-12-31` });
  const dgyAdmin = await t.as('daguanyuan_admin');
  const { count } = (await dgyAdmin.get(`/api/mutual-aid/units/${shizhongBase}/roster?year=${year}`)).json();
  const enrolment = (await dgyAdmin.post(`/api/mutual-aid/units/${shizhongBase}/enrolments`, { year, operatorName: '经办人', operatorPhone: '13900002222', expectedCount: count })).json();
  expect(enrolment.status, JSON.stringify(enrolment)).toBe('pending');
  outside.mutualAidEnrolment = enrolment.id;
  Object.assign(outside, { org: shizhong, baseOrg: shizhongBase, workUnit: wu.id, account: acc.id, post: post.id, activationCode: code.id, member: member.id });

  // 普惠活动 inside 市中区: a merchant with a staff login, a coupon authorised to another merchant,
  // an approved open activity, and an e-coupon one of its members holds.
  const now = t.deps.now();
  const welfare = await welfareSetup(t.deps.db, t.deps.crypto, shizhongBase, now, { quantity: 10 });
  const other = await welfareSetup(t.deps.db, t.deps.crypto, shizhongBase, now, { quantity: 1 });
  const [auth] = await t.deps.db.insert(couponAuthorisations).values({ couponId: welfare.coupon.id, merchantId: other.merchant.id, createdBy: acc.id }).returning();
  const staff = await insertStaff(t.deps.db, welfare.merchant.id);
  const [holder] = await insertVerifiedMembers(t.deps.db, t.deps.crypto, shizhongBase, 1);
  const [held] = await insertECoupons(t.deps.db, { activityId: welfare.activity.id, prizeId: welfare.prizeId, couponId: welfare.coupon.id, members: [holder], validFrom: now, validTo: new Date(now.getTime() + 86_400_000), faceValueFen: 5000, claimedAt: now });
  Object.assign(outside, { merchant: welfare.merchant.id, coupon: welfare.coupon.id, activity: welfare.activity.id, prize: welfare.prizeId, eCoupon: held.id, couponAuth: auth.id });
  const [staffRow] = await t.deps.db.select({ id: merchantStaff.id }).from(merchantStaff).where(eq(merchantStaff.accountId, staff.accountId));
  outside.merchantStaff = staffRow.id;
  // A verified member of 历下区 asks the member app for 市中区's activity and someone else's e-coupon.
  const [lixiaMember] = await insertVerifiedMembers(t.deps.db, t.deps.crypto, await t.orgId('济南泉城软件有限公司工会'), 1);
  callers.member = t.client();
  expect((await callers.member.login(lixiaMember.username, FIXTURE_PASSWORD)).statusCode).toBe(200);
});
afterAll(async () => t?.close());

/** Which object an `{id}` stands for, by the path it appears in. */
function idKind(path: string): string {
  if (path.startsWith('/api/orgs/')) return 'baseOrg';
  if (path.startsWith('/api/work-units/')) return 'workUnit';
  if (path.startsWith('/api/accounts/')) return 'account';
  if (path.startsWith('/api/posts/')) return 'post';
  if (path.startsWith('/api/activation-codes/')) return 'activationCode';
  if (path.startsWith('/api/members/')) return 'member';
  if (path.startsWith('/api/inspections/')) return 'inspection';
  if (path.startsWith('/api/member-imports/')) return 'memberImport';
  if (path.startsWith('/api/reviews/')) return 'review';
  if (path.startsWith('/api/org-changes/')) return 'orgChange';
  if (path.startsWith('/api/org-filings/')) return 'orgChange';
  if (path.startsWith('/api/me/applications/')) return 'application';
  if (path.startsWith('/api/mutual-aid/units/')) return 'baseOrg';
  if (path.startsWith('/api/mutual-aid/enrolments/')) return 'mutualAidEnrolment';
  if (path.startsWith('/api/merchants/')) return 'merchant';
  if (path.startsWith('/api/coupons/')) return 'coupon';
  if (path.startsWith('/api/activities/')) return 'activity';
  if (path.startsWith('/api/me/activities/')) return 'activity';
  if (path.startsWith('/api/me/coupons/')) return 'eCoupon';
  throw new Error(`add a scope fixture for ${path}`);
}

/** A valid body, so the request reaches the scope check instead of failing validation. */
const bodies: Record<string, unknown> = {
  'PATCH /api/orgs/{id}': { version: 1, name: '越权修改' },
  'POST /api/orgs/{id}/children': { kind: 'sub_union', name: '越权新建' },
  'POST /api/orgs/{id}/work-units': { name: '越权单位', nature: '企业', economicType: '私营企业' },
  'PATCH /api/work-units/{id}': { version: 1, name: '越权修改' },
  'POST /api/orgs/{id}/activation-codes': { role: 'operator' },
  'POST /api/orgs/{id}/members': { idType: 'resident_id', idNumber: '360426199101010071', name: '越权会员' },
  'PATCH /api/members/{id}': { version: 1, address: '越权修改' },
  'POST /api/members/{id}/status': { status: 'retained', on: '2024-01-01', reason: '越权', version: 1 },
  'POST /api/members/{id}/reveal': { field: 'idNumber', reason: '越权查看' },
  'POST /api/inspections/{id}/remind': { orgId: '$org' },
  'POST /api/orgs/{id}/member-imports/org-code': { orgCode: 'D2143569X' },
  'POST /api/orgs/{id}/transfers-in': { name: '范围外会员', idNumber: '11010519491231002X', reason: '越权转入' },
  'POST /api/members/{id}/transfer-out': { targetOrgId: '$org', reason: '越权转出', version: 1 },
  'POST /api/orgs/{id}/modifications': { version: 1, chairName: '越权修改' },
  'POST /api/orgs/{id}/org-transfers': { targetParentId: '$org', mode: 'same_kind' },
  'POST /api/orgs/{id}/revoke': { reason: 'closed', on: '2024-01-01', version: 1 },
  'POST /api/orgs/{id}/affiliation': { targetParentId: '$org' },
  'POST /api/reviews/{id}/approve': { version: 1 },
  'POST /api/reviews/{id}/return': { version: 1, reason: '越权退回' },
  'POST /api/reviews/{id}/withdraw': { version: 1 },
  'POST /api/reviews/{id}/resubmit': { version: 1 },
  'POST /api/members/{id}/verification/revoke': { reason: '越权解除' },
  'POST /api/mutual-aid/units/{id}/enrolments': { year: year, operatorName: '越权', operatorPhone: '13900003333', expectedCount: 1 },
  'POST /api/mutual-aid/enrolments/{id}/resubmit': { operatorName: '越权', operatorPhone: '13900003333', expectedCount: 2 },
  'PATCH /api/merchants/{id}': { version: 1, name: '越权修改' },
  'POST /api/merchants/{id}/online': { version: 1 },
  'POST /api/merchants/{id}/offline': { version: 1 },
  'POST /api/merchants/{id}/staff': { name: '越权店员', phone: '13900002222' },
  'PATCH /api/coupons/{id}': { version: 1, name: '越权修改' },
  'POST /api/coupons/{id}/enable': { version: 1 },
  'POST /api/coupons/{id}/disable': { version: 1 },
  'POST /api/coupons/{id}/authorisations': { phone: '13900002222' },
  'PATCH /api/activities/{id}': { version: 1, title: '越权修改' },
  'POST /api/activities/{id}/submit': { version: 1 },
  'POST /api/activities/{id}/open': { version: 1 },
  'POST /api/activities/{id}/close': { version: 1 },
  'POST /api/me/activities/{id}/claims': { prizeId: '$prize' },
};

/** Path parameters besides `{id}`: the out-of-scope object's own parts. */
const otherParams: Record<string, string> = { '{kind}': 'logo', '{staffId}': '$merchantStaff', '{authId}': '$couponAuth' };

/** Where the out-of-scope object travels in the query rather than the path. */
const queries: Record<string, string> = {
  'GET /api/inspections/{id}/progress': '?parentId=$org',
  'GET /api/mutual-aid/units/{id}/roster': `?year=${year}`,
  'GET /api/merchants/{id}/settlement.xlsx': '?activityId=$activity',
};
/** Endpoints that act only on the caller's own organisation: nothing to point elsewhere. */
// The mutual-aid plans are the city federation's, published to every union: editing one from below answers 403 (mutual-aid.test.ts).
const ownOrgOnly = new Set(['POST /api/inspections/{id}/confirm', 'PATCH /api/mutual-aid/plans/{id}']);

const permissionOf: Record<string, keyof typeof callers> = {
  '/api/accounts': 'security_admin',
  '/api/audit': 'audit_admin',
  '/api/me/activities': 'member',
  '/api/me/coupons': 'member',
};
/**
 * The member app says why another union's activity is not theirs (a 404 with its own words,
 * benefits-claims contract); everything else answers the plain NOT_FOUND.
 */
const notFoundCode = (path: string) => (path.startsWith('/api/me/activities/') ? 'ACTIVITY_NOT_IN_SCOPE' : 'NOT_FOUND');
const callerFor = (path: string) => callers[Object.entries(permissionOf).find(([p]) => path.startsWith(p))?.[1] ?? 'operator'];

describe('organisation scope on every endpoint', () => {
  it('answers 404 for every object outside the subtree and changes nothing', async () => {
    const spec = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const tried: string[] = [];
    const auditBefore = (await t.deps.db.select({ seq: auditLog.seq }).from(auditLog)).length;
    for (const [path, methods] of Object.entries(spec.paths)) {
      if (!path.includes('{id}')) continue;
      for (const method of Object.keys(methods)) {
        const m = method.toUpperCase() as 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
        const key = `${m} ${path}`;
        if (ownOrgOnly.has(key)) continue;
        const fill = (v: string) => v.replace(/\$(\w+)/g, (_, k: string) => outside[k]);
        let url = path.replace('{id}', outside[idKind(path)]) + fill(queries[key] ?? '');
        for (const [param, value] of Object.entries(otherParams)) url = url.replace(param, fill(value));
        const body = JSON.parse(fill(JSON.stringify(bodies[key] ?? {})));
        const res = await callerFor(path).request(m, url, m === 'GET' ? undefined : body);
        expect.soft(res.statusCode, key).toBe(404);
        expect.soft(res.json().code, key).toBe(notFoundCode(path));
        tried.push(key);
      }
    }
    expect(tried.length).toBeGreaterThanOrEqual(27);
    // Nothing was written, not even an audit record.
    expect((await t.deps.db.select({ seq: auditLog.seq }).from(auditLog)).length).toBe(auditBefore);
  });

  it('keeps lists and the tree inside the subtree', async () => {
    const op = callers.operator;
    expect((await op.get(`/api/orgs/tree?parentId=${outside.org}`)).statusCode).toBe(404);
    const root = (await op.get('/api/orgs/tree')).json();
    expect(root.map((o: { name: string }) => o.name)).toEqual(['历下区总工会']);
    expect((await op.get(`/api/orgs?q=${encodeURIComponent('大观园')}`)).json().total).toBe(0);
    expect((await op.get(`/api/orgs?q=${encodeURIComponent('总工会')}`)).json().items.map((o: { name: string }) => o.name)).not.toContain('济南市总工会');
    const members = (await op.get('/api/members?idNumber=11010519491231002X')).json();
    expect(members.total).toBe(0);
    expect((await op.get(`/api/members?orgId=${outside.baseOrg}`)).json().total).toBe(0);
    const accountsSeen = (await callers.security_admin.get('/api/accounts?pageSize=100')).json();
    expect(accountsSeen.items.map((a: { username: string }) => a.username)).not.toContain('shizhong_admin');
    expect(accountsSeen.items.map((a: { username: string }) => a.username)).not.toContain('city_admin');
    const audit = (await callers.audit_admin.get('/api/audit?pageSize=100')).json();
    expect(audit.total).toBeGreaterThan(0);
    const orgIds = new Set(audit.items.map((r: { orgId: string | null }) => r.orgId));
    expect(orgIds.has(outside.org)).toBe(false);
    expect(orgIds.has(outside.baseOrg)).toBe(false);
    expect(orgIds.has(null)).toBe(false);
  });

  it('does not let a breadcrumb reveal what lies above', async () => {
    const lixia = await t.orgId('历下区总工会');
    const d = (await callers.operator.get(`/api/orgs/${lixia}`)).json();
    expect(d.breadcrumb.map((b: { name: string }) => b.name)).toEqual(['历下区总工会']);
  });
});

describe('mass assignment', () => {
  it('ignores fields a caller may not set: kind, parent, path, status, version bumps', async () => {
    const base = await t.orgId('济南泉城软件有限公司工会');
    const before = (await callers.operator.get(`/api/orgs/${base}`)).json();
    const r = await callers.operator.patch(`/api/orgs/${base}`, {
      version: before.version,
      chairName: '新负责人',
      kind: 'city_federation',
      parentId: outside.org,
      path: '/',
      status: 'revoked',
      orgCodeVirtual: true,
      id: outside.org,
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ id: base, kind: 'base_union', parentId: before.parentId, status: 'active', chairName: '新负责人', version: before.version + 1 });
    // Still inside 历下区, so still visible to its operator and invisible to 市中区.
    expect((await callers.operator.get(`/api/orgs/${base}`)).statusCode).toBe(200);
    expect((await (await t.as('shizhong_admin')).get(`/api/orgs/${base}`)).statusCode).toBe(404);
  });
});
