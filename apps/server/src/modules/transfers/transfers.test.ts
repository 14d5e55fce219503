import { makeIdNumber } from '@gonghui/contracts';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/audit.table.js';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness.js';
import { flagOverdueReviews } from '../reviews/index.js';

let t: TestContext;
let quancheng: TestClient; // receiving base union (历下区)
let daguanyuan: TestClient; // releasing base union (市中区)
let shizhong: TestClient; // the releasing union's district federation
let lixia: TestClient; // the receiving union's district federation
let qc: string;
let dgy: string;
let seq = 0;

beforeAll(async () => {
  t = await createTestContext({ rateLimits: { global: 10_000, login: 1_000, sms: 1_000 } });
  [quancheng, daguanyuan, shizhong, lixia] = await Promise.all(['quancheng_admin', 'daguanyuan_admin', 'shizhong_admin', 'lixia_admin'].map((u) => t.as(u)));
  qc = await t.orgId('济南泉城软件有限公司工会');
  dgy = await t.orgId('济南大观园商业管理有限公司工会');
});
afterAll(async () => t?.close());

/** A member of the releasing union, added by its own operator. */
async function memberOf(c: TestClient, orgId: string, name: string) {
  const n = seq++;
  const idNumber = makeIdNumber({ addressCode: '370102', birthDate: `1985-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`, sex: n % 2 ? 'male' : 'female', seq: 100 + n });
  const r = await c.post(`/api/orgs/${orgId}/members`, { idType: 'resident_id', idNumber, name, joinedOn: '2020-01-01' });
  expect(r.statusCode, r.body).toBe(201);
  return { idNumber, name, id: r.json().id as string, memberNo: r.json().memberNo as string };
}

const member = async (c: TestClient, id: string) => (await c.get(`/api/members/${id}`)).json();
const review = async (c: TestClient, id: string) => {
  const r = await c.get(`/api/reviews/${id}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};

describe('transferring one member in', () => {
  it('puts the member under review by the releasing union, then moves them on approval with full history', async () => {
    const m = await memberOf(daguanyuan, dgy, '周晓梅');
    const r = await quancheng.post(`/api/orgs/${qc}/transfers-in`, { name: m.name, idNumber: m.idNumber, reason: '调入本单位工作' });
    expect(r.statusCode, r.body).toBe(201);
    const tr = r.json();
    expect(tr).toMatchObject({ status: 'pending', source: 'single', fromOrgName: '济南大观园商业管理有限公司工会', toOrgName: '济南泉城软件有限公司工会', previousStatus: 'joined' });
    expect(tr.idNumberMasked).not.toContain(m.idNumber.slice(6, 14));

    // While pending: transferring at the releasing union, and in its inbox.
    expect((await member(daguanyuan, m.id)).status).toBe('transferring');
    const todo = (await daguanyuan.get('/api/reviews?box=todo')).json();
    expect(todo.items.map((x: { id: string }) => x.id)).toContain(tr.reviewId);
    expect((await daguanyuan.get('/api/reviews/counts')).json().todo).toBeGreaterThanOrEqual(1);
    const submitted = (await quancheng.get('/api/reviews?box=submitted')).json();
    expect(submitted.items.find((x: { id: string }) => x.id === tr.reviewId)).toMatchObject({ waitingFor: ['济南大观园商业管理有限公司工会'], status: 'pending' });

    // The receiving side cannot approve its own request.
    const self = await quancheng.post(`/api/reviews/${tr.reviewId}/approve`, { version: 1 });
    expect(self.statusCode).toBe(403);
    expect(self.json().code).toBe('REVIEW_NOT_YOURS');

    const detail = await review(daguanyuan, tr.reviewId);
    expect(detail.steps).toMatchObject([{ label: '转出单位审核', status: 'pending', reviewerOrgName: '济南大观园商业管理有限公司工会', canAct: true }]);
    expect(detail.changes).toContainEqual({ label: '所在工会', before: '济南大观园商业管理有限公司工会', after: '济南泉城软件有限公司工会' });
    const ok = await daguanyuan.post(`/api/reviews/${tr.reviewId}/approve`, { version: detail.version, reason: '同意转出' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', steps: [{ status: 'approved', actedBy: '大观园商管工会经办人', reason: '同意转出', canAct: false }] });
    expect(ok.json().trail.map((x: { action: string }) => x.action)).toEqual(['submitted', 'approved']);
    // Every step is audited, in masked words only (SECURITY.md: no full number in the append-only log).
    const audit = await t.deps.db.select().from(auditLog).where(inArray(auditLog.objectId, [tr.id, tr.reviewId]));
    expect(audit.map((a) => a.action).sort()).toEqual(['review.approved', 'review.submitted', 'transfer.completed', 'transfer.requested']);
    expect(JSON.stringify(audit)).not.toContain(m.idNumber);

    // The old membership closed as transferred out, the new one opened as transferred in.
    const old = await member(daguanyuan, m.id);
    expect(old.status).toBe('transferred_out');
    expect(old.history.map((h: { toStatus: string }) => h.toStatus)).toEqual(['joined', 'transferring', 'transferred_out']);
    const list = (await quancheng.post('/api/members/search', { idNumber: m.idNumber })).json();
    const arrived = list.items.find((x: { orgId: string }) => x.orgId === qc);
    expect(arrived).toMatchObject({ status: 'transferred_in', name: '周晓梅' });
    expect(arrived.memberNo).not.toBe(m.memberNo);
    expect((await review(quancheng, tr.reviewId)).changes).toContainEqual({ label: '会员编号', before: m.memberNo, after: arrived.memberNo });
    const transfers = (await quancheng.get('/api/transfers?direction=in')).json();
    expect(transfers.items.find((x: { id: string }) => x.id === tr.id)).toMatchObject({ status: 'approved', newMemberNo: arrived.memberNo });
    // The releasing union no longer sees the person as a current member.
    expect((await daguanyuan.get(`/api/members/${arrived.id}`)).statusCode).toBe(404);
  });

  it('on return with a reason changes nothing but the trail; corrected, it can be resubmitted and withdrawn', async () => {
    const m = await memberOf(daguanyuan, dgy, '吴建国');
    const tr = (await quancheng.post(`/api/orgs/${qc}/transfers-in`, { name: m.name, idNumber: m.idNumber, reason: '调动' })).json();
    const noReason = await daguanyuan.post(`/api/reviews/${tr.reviewId}/return`, { version: 1, reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect((await member(daguanyuan, m.id)).status).toBe('transferring');

    const back = await daguanyuan.post(`/api/reviews/${tr.reviewId}/return`, { version: 1, reason: '劳动合同尚未解除' });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ status: 'returned', steps: [{ status: 'returned', reason: '劳动合同尚未解除' }] });
    expect((await member(daguanyuan, m.id)).status).toBe('joined');
    expect((await quancheng.get(`/api/transfers?direction=in&status=returned`)).json().items.map((x: { id: string }) => x.id)).toContain(tr.id);
    // Acting again on a decided review: taken.
    expect((await daguanyuan.post(`/api/reviews/${tr.reviewId}/approve`, { version: 2 })).json().code).toBe('REVIEW_TAKEN');

    // The submitter corrects the reason and sends it again: a second round, the member transferring again.
    const mine = await review(quancheng, tr.reviewId);
    expect(mine).toMatchObject({ canResubmit: true, canWithdraw: false, payload: { reason: '调动' } });
    const again = await quancheng.post(`/api/reviews/${tr.reviewId}/resubmit`, { version: mine.version, payload: { reason: '原单位已解除劳动合同，调入本单位' } });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ status: 'pending', round: 2, canWithdraw: true, payload: { reason: '原单位已解除劳动合同，调入本单位' } });
    expect(again.json().steps).toMatchObject([{ status: 'pending' }]);
    expect((await member(daguanyuan, m.id)).status).toBe('transferring');

    // A stale version cannot withdraw; the current one can, and the status comes back.
    expect((await quancheng.post(`/api/reviews/${tr.reviewId}/withdraw`, { version: mine.version })).json().code).toBe('CONFLICT');
    const gone = await quancheng.post(`/api/reviews/${tr.reviewId}/withdraw`, { version: again.json().version, reason: '职工暂缓调动' });
    expect(gone.statusCode, gone.body).toBe(200);
    expect(gone.json().status).toBe('withdrawn');
    expect(gone.json().trail.map((x: { action: string }) => x.action)).toEqual(['submitted', 'returned', 'resubmitted', 'withdrawn']);
    expect((await member(daguanyuan, m.id)).status).toBe('joined');
  });

  it('two reviewers acting at once: exactly one wins', async () => {
    const m = await memberOf(daguanyuan, dgy, '孙丽');
    const tr = (await quancheng.post(`/api/orgs/${qc}/transfers-in`, { name: m.name, idNumber: m.idNumber, reason: '调动' })).json();
    // The releasing union and its district federation may both act on the step.
    const [a, b] = await Promise.all([
      daguanyuan.post(`/api/reviews/${tr.reviewId}/approve`, { version: 1 }),
      shizhong.post(`/api/reviews/${tr.reviewId}/return`, { version: 1, reason: '资料不全' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect([a, b].find((x) => x.statusCode === 409)!.json().code).toBe('REVIEW_TAKEN');
    const final = await review(quancheng, tr.reviewId);
    expect(final.trail.filter((x: { action: string }) => x.action !== 'submitted')).toHaveLength(1);
    const status = (await member(daguanyuan, m.id)).status;
    expect(status).toBe(final.status === 'approved' ? 'transferred_out' : 'joined');
  });

  it('refuses, with the reason and writing nothing: wrong name, already here, already transferring, not a member, out of scope', async () => {
    const m = await memberOf(daguanyuan, dgy, '郑华');
    const wrongName = await quancheng.post(`/api/orgs/${qc}/transfers-in`, { name: '郑化', idNumber: m.idNumber, reason: '调动' });
    expect(wrongName.statusCode).toBe(400);
    expect(wrongName.json().code).toBe('TRANSFER_PERSON_MISMATCH');
    expect(wrongName.json().message).not.toContain('郑华');
    const unknown = await quancheng.post(`/api/orgs/${qc}/transfers-in`, { name: '郑华', idNumber: makeIdNumber({ addressCode: '370102', birthDate: '1990-01-01', sex: 'male', seq: 555 }), reason: '调动' });
    expect(unknown.json().code).toBe('TRANSFER_PERSON_MISMATCH');
    const badId = await quancheng.post(`/api/orgs/${qc}/transfers-in`, { name: '郑华', idNumber: '370102199001011234', reason: '调动' });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().details[0].path).toBe('idNumber');
    const hostile = await quancheng.post(`/api/orgs/${qc}/transfers-in`, { name: '<script>', idNumber: "1' or '1'='1", reason: 'x'.repeat(5000) });
    expect(hostile.statusCode).toBe(400);
    expect((await member(daguanyuan, m.id)).status).toBe('joined');

    const here = await memberOf(quancheng, qc, '冯敏');
    const already = await quancheng.post(`/api/orgs/${qc}/transfers-in`, { name: here.name, idNumber: here.idNumber, reason: '调动' });
    expect(already.statusCode).toBe(409);
    expect(already.json().message).toContain('已是本工会会员');

    expect((await quancheng.post(`/api/orgs/${qc}/transfers-in`, { name: m.name, idNumber: m.idNumber, reason: '调动' })).statusCode).toBe(201);
    const twice = await quancheng.post(`/api/orgs/${qc}/transfers-in`, { name: m.name, idNumber: m.idNumber, reason: '调动' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toContain('审核中');

    // The receiving union is outside the caller's subtree: not found, nothing written.
    const outside = await quancheng.post(`/api/orgs/${dgy}/transfers-in`, { name: here.name, idNumber: here.idNumber, reason: '调动' });
    expect(outside.statusCode).toBe(404);
    expect((await member(quancheng, here.id)).status).toBe('joined');
    // Reviews of other subtrees are invisible.
    const foreign = (await daguanyuan.get('/api/reviews?box=all')).json().items[0];
    expect((await t.as('quancheng_admin').then((c) => c.get(`/api/reviews/${foreign.id}`))).statusCode).toBe(200); // quancheng submitted it
    const unrelated = await memberOf(shizhong, await t.orgId('山东经四路医药连锁有限公司工会'), '钱多');
    const tr2 = (await shizhong.post(`/api/members/${unrelated.id}/transfer-out`, { targetOrgId: dgy, reason: '调动', version: 1 })).json();
    expect((await quancheng.get(`/api/reviews/${tr2.reviewId}`)).statusCode).toBe(404);
    expect((await quancheng.post(`/api/reviews/${tr2.reviewId}/approve`, { version: 1 })).statusCode).toBe(404);
  });
});

describe('transferring a member out', () => {
  it('is reviewed by the releasing union’s upper union, which an upper union above it may act for', async () => {
    const m = await memberOf(quancheng, qc, '褚红');
    const out = await quancheng.post(`/api/members/${m.id}/transfer-out`, { targetOrgId: dgy, reason: '调往市中区工作', version: 1 });
    expect(out.statusCode, out.body).toBe(201);
    const tr = out.json();
    const detail = await review(lixia, tr.reviewId);
    expect(detail.steps).toMatchObject([{ label: '转出单位上级工会审核', reviewerOrgName: '泉城路街道总工会', canAct: true }]);
    // The union itself cannot approve its own transfer out.
    expect((await quancheng.post(`/api/reviews/${tr.reviewId}/approve`, { version: 1 })).statusCode).toBe(403);
    const stale = await quancheng.post(`/api/members/${m.id}/transfer-out`, { targetOrgId: dgy, reason: '再次', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect((await lixia.post(`/api/reviews/${tr.reviewId}/approve`, { version: detail.version })).statusCode).toBe(200);
    const arrived = (await daguanyuan.post('/api/members/search', { idNumber: m.idNumber })).json().items;
    expect(arrived).toMatchObject([{ orgId: dgy, status: 'transferred_in' }]);
  });
});

describe('reviews that wait too long', () => {
  it('are flagged once to the reviewer’s upper union after the configured days', async () => {
    const m = await memberOf(daguanyuan, dgy, '陈静');
    const tr = (await quancheng.post(`/api/orgs/${qc}/transfers-in`, { name: m.name, idNumber: m.idNumber, reason: '调动' })).json();
    expect(await flagOverdueReviews(t.deps, new Date(Date.now() + 2 * 86_400_000))).toBe(0);
    const later = new Date(Date.now() + (t.deps.config.reviewOverdueDays + 1) * 86_400_000);
    expect(await flagOverdueReviews(t.deps, later)).toBeGreaterThanOrEqual(1);
    expect(await flagOverdueReviews(t.deps, later)).toBe(0);
    const overdue = (await shizhong.get('/api/reviews?box=overdue')).json();
    expect(overdue.items.find((x: { id: string }) => x.id === tr.reviewId)).toMatchObject({ overdue: true });
    expect((await shizhong.get('/api/reviews/counts')).json().overdue).toBeGreaterThanOrEqual(1);
    // Not the reviewer's own overdue list, and not a sibling district's.
    expect((await daguanyuan.get('/api/reviews?box=overdue')).json().items.map((x: { id: string }) => x.id)).not.toContain(tr.reviewId);
    expect((await lixia.get('/api/reviews?box=overdue')).json().items.map((x: { id: string }) => x.id)).not.toContain(tr.reviewId);
    const d = await review(shizhong, tr.reviewId);
    expect(d.steps[0].overdue).toBe(true);
    expect(d.trail.at(-1)).toMatchObject({ action: 'flagged_overdue', reason: expect.stringContaining('大观园街道总工会') });
  });
});
