import { chinaToday, makeIdNumber } from '@gonghui/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/audit.table.js';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness.js';
import { registerWorker, verifiedWorker } from '../member-app/member-app.fixtures.js';
import { pdfText } from '../../test/pdf-text.js';

let t: TestContext;
let city: TestClient; // 济南市总工会: the association's owner
let quancheng: TestClient; // a base union in 历下区 (its upper union: 泉城路街道总工会)
let lixia: TestClient; // 历下区总工会: acts for the street union below it
let daguanyuan: TestClient; // a base union in 市中区: outside quancheng's subtree
let shizhong: TestClient;
let qc: string;
let dgy: string;
let year: number;
let seq = 0;

const QC_NAME = '济南泉城软件有限公司工会';
const operator = { operatorName: '王经办', operatorPhone: '13905310001', note: '2026年度全员入会' };

beforeAll(async () => {
  t = await createTestContext({ rateLimits: { global: 10_000, login: 1_000, sms: 1_000 } });
  [city, quancheng, lixia, daguanyuan, shizhong] = await Promise.all(['city_admin', 'quancheng_admin', 'lixia_admin', 'daguanyuan_admin', 'shizhong_admin'].map((u) => t.as(u)));
  qc = await t.orgId(QC_NAME);
  dgy = await t.orgId('济南大观园商业管理有限公司工会');
  year = Number(chinaToday(t.deps.now()).slice(0, 4));
});
afterAll(async () => t?.close());

async function memberOf(c: TestClient, orgId: string, name: string) {
  const n = seq++;
  const idNumber = makeIdNumber({ addressCode: '370103', birthDate: `1979-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`, sex: n % 2 ? 'male' : 'female', seq: 500 + n });
  const r = await c.post(`/api/orgs/${orgId}/members`, { idType: 'resident_id', idNumber, name, joinedOn: '2021-03-01' });
  expect(r.statusCode, r.body).toBe(201);
  return { id: r.json().id as string, memberNo: r.json().memberNo as string, idNumber, name };
}

async function setStatus(c: TestClient, membershipId: string, status: 'transferred_out' | 'retained', reason: string) {
  const { version } = (await c.get(`/api/members/${membershipId}`)).json();
  const r = await c.post(`/api/members/${membershipId}/status`, { status, on: chinaToday(t.deps.now()), reason, version });
  expect(r.statusCode, r.body).toBe(200);
}

const roster = async (c: TestClient, orgId: string, kind = 'annual', extra = '') => {
  const r = await c.get(`/api/mutual-aid/units/${orgId}/roster?year=${year}&kind=${kind}&pageSize=100${extra}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};
const names = (page: { items: { name: string }[] }) => page.items.map((m) => m.name).sort();
const submit = (c: TestClient, orgId: string, body: Record<string, unknown>) => c.post(`/api/mutual-aid/units/${orgId}/enrolments`, { year, ...operator, ...body });
const frozen = async (c: TestClient, id: string) => (await c.get(`/api/mutual-aid/enrolments/${id}/members?pageSize=100`)).json();

describe('the yearly plan (set by the association)', () => {
  it('is published by the city federation only, once a year, and refuses bad input with a clear message', async () => {
    const plan = { year, title: `${year}年度济南市职工互助保障计划`, coverage: '住院医疗互助、重大疾病互助、意外伤害互助', contributionFen: 3000, enrolFrom: `${year}-01-01`, enrolTo: `${year}-12-31` };
    for (const outsider of [quancheng, lixia]) {
      const r = await outsider.post('/api/mutual-aid/plans', plan);
      expect(r.statusCode).toBe(403);
      expect(r.json().message).toContain('市总工会');
    }
    const bad = [
      [{ ...plan, enrolTo: `${year}-01-01`, enrolFrom: `${year}-02-01` }, '截止日期不能早于开始日期'],
      [{ ...plan, contributionFen: 0 }, '每人缴费金额应大于0'],
      [{ ...plan, contributionFen: 12.5 }, '缴费金额以分计'],
      [{ ...plan, title: '计划'.repeat(40) }, '计划名称不能超过60个字符'],
      [{ ...plan, coverage: '住院\u0000互助' }, '控制字符'],
      [{ ...plan, enrolTo: `${year + 1}-01-31` }, `不能晚于${year}年12月31日`],
    ] as const;
    for (const [body, message] of bad) {
      const r = await city.post('/api/mutual-aid/plans', body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.json().message).toContain(message);
    }
    expect((await quancheng.get('/api/mutual-aid/plans')).json().items).toHaveLength(0);

    const created = await city.post('/api/mutual-aid/plans', plan);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ year, contributionFen: 3000, coverTo: `${year}-12-31`, version: 1 });
    const again = await city.post('/api/mutual-aid/plans', plan);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('MUTUAL_AID_PLAN_EXISTS');
    // Every union sees the plan it enrols under.
    expect((await quancheng.get('/api/mutual-aid/plans')).json().items.map((p: { year: number }) => p.year)).toEqual([year]);

    const stale = await city.patch(`/api/mutual-aid/plans/${created.json().id}`, { ...plan, version: 9 });
    expect(stale.statusCode).toBe(409);
    const edited = await city.patch(`/api/mutual-aid/plans/${created.json().id}`, { ...plan, title: `${year}年度职工互助保障计划`, version: 1 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().version).toBe(2);
  });

  it('keeps units out before the window opens, saying when it opens', async () => {
    const next = await city.post('/api/mutual-aid/plans', { year: year + 1, title: '下一年度计划', coverage: '住院医疗互助', contributionFen: 3600, enrolFrom: `${year + 1}-01-01`, enrolTo: `${year + 1}-03-31` });
    expect(next.statusCode, next.body).toBe(201);
    const r = await quancheng.get(`/api/mutual-aid/units/${qc}/roster?year=${year + 1}`);
    expect(r.json().refusal).toContain(`${year + 1}年1月1日至${year + 1}年3月31日`);
    const s = await quancheng.post(`/api/mutual-aid/units/${qc}/enrolments`, { year: year + 1, ...operator, expectedCount: 0 });
    expect(s.statusCode).toBe(409);
    expect(s.json().code).toBe('MUTUAL_AID_WINDOW_CLOSED');
    const none = await quancheng.get(`/api/mutual-aid/units/${qc}/roster?year=${year + 5}`);
    expect(none.json().refusal).toContain('尚未发布');
  });
});

// The people of 泉城软件's list, named by what happened to them.
const people: Record<string, { id: string; memberNo: string; idNumber: string; name: string }> = {};
let worker: Awaited<ReturnType<typeof verifiedWorker>>;

describe('the unit list (单位入会名单)', () => {
  it('holds exactly the active employed members: joined and transferred in, never transferred out, retained or transferring', async () => {
    people.joined = await memberOf(quancheng, qc, '张入会');
    people.out = await memberOf(quancheng, qc, '李转出');
    await setStatus(quancheng, people.out.id, 'transferred_out', '离职');
    people.retained = await memberOf(quancheng, qc, '赵保留');
    await setStatus(quancheng, people.retained.id, 'retained', '退休');
    // One arrives by transfer from 大观园 (transferred_in here, transferred_out there).
    people.arrived = await memberOf(daguanyuan, dgy, '钱转入');
    const tr = await quancheng.post(`/api/orgs/${qc}/transfers-in`, { name: people.arrived.name, idNumber: people.arrived.idNumber, reason: '调入' });
    expect(tr.statusCode, tr.body).toBe(201);
    expect((await daguanyuan.post(`/api/reviews/${tr.json().reviewId}/approve`, { version: 1 })).statusCode).toBe(200);
    // One of 泉城's members is leaving by transfer: under review, not in the list.
    people.leaving = await memberOf(quancheng, qc, '孙转会中');
    const out = await daguanyuan.post(`/api/orgs/${dgy}/transfers-in`, { name: people.leaving.name, idNumber: people.leaving.idNumber, reason: '调出' });
    expect(out.statusCode, out.body).toBe(201);
    worker = await verifiedWorker(t, quancheng, QC_NAME, '周会员', 41);

    const list = await roster(quancheng, qc);
    expect(names(list)).toEqual(['周会员', '张入会', '钱转入'].sort());
    expect(list).toMatchObject({ count: 3, total: 3, amountFen: 9000, orgName: QC_NAME, refusal: null, kind: 'annual' });
    const arrived = list.items.find((m: { name: string }) => m.name === '钱转入');
    expect(arrived.status).toBe('transferred_in');
    // Masked: 4 + stars + 4.
    expect(arrived.idNumberMasked).toBe(`${people.arrived.idNumber.slice(0, 4)}**********${people.arrived.idNumber.slice(-4)}`);
    // And the releasing union's list no longer holds the one who left it.
    expect(names(await roster(daguanyuan, dgy))).not.toContain('钱转入');
  });

  it('sees a change in the member registry at once, not a day later', async () => {
    people.today = await memberOf(quancheng, qc, '吴今日入会');
    expect((await roster(quancheng, qc)).count).toBe(4);
    await setStatus(quancheng, people.today.id, 'retained', '退休');
    expect((await roster(quancheng, qc)).count).toBe(3);
    people.today2 = await memberOf(quancheng, qc, '郑今日入会');
    const list = await roster(quancheng, qc);
    expect(list.count).toBe(4);
    expect(list.amountFen).toBe(12000);
    // The search narrows the page, never the count that would be submitted.
    const searched = await roster(quancheng, qc, 'annual', `&q=${encodeURIComponent('郑')}`);
    expect(searched).toMatchObject({ total: 1, count: 4 });
  });

  it('is the unit’s own: outside the subtree it does not exist, and upper unions see it but cannot submit it', async () => {
    expect((await daguanyuan.get(`/api/mutual-aid/units/${qc}/roster?year=${year}`)).statusCode).toBe(404);
    expect((await shizhong.get(`/api/mutual-aid/units/${qc}/roster?year=${year}`)).statusCode).toBe(404);
    const upper = await roster(lixia, qc);
    expect(upper.count).toBe(4);
    expect(upper.refusal).toContain('本单位工会经办人');
    const r = await submit(lixia, qc, { expectedCount: 4 });
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe('MUTUAL_AID_NOT_A_UNIT');
    expect((await submit(daguanyuan, qc, { expectedCount: 4 })).statusCode).toBe(404);
    expect((await lixia.get(`/api/mutual-aid/units/${await t.orgId('历下区总工会')}/roster?year=${year}`)).statusCode).toBe(403);
  });
});

let first: string;
let second: string;

describe('submission, withdrawal and review (第二步、第三步)', () => {
  it('refuses a bad form or a list that changed since it was checked, and creates nothing', async () => {
    const bad = [
      [{ expectedCount: 4, operatorName: '' }, '请填写操作人'],
      [{ expectedCount: 4, operatorPhone: '1234' }, '手机号'],
      [{ expectedCount: 4, note: '备'.repeat(201) }, '申请备注不能超过200个字符'],
      [{ expectedCount: 4, operatorName: '<script>'.repeat(10) }, '操作人不能超过30个字符'],
    ] as const;
    for (const [body, message] of bad) {
      const r = await submit(quancheng, qc, body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.json().message).toContain(message);
    }
    const changed = await submit(quancheng, qc, { expectedCount: 3 });
    expect(changed.statusCode).toBe(409);
    expect(changed.json()).toMatchObject({ code: 'MUTUAL_AID_ROSTER_CHANGED' });
    expect(changed.json().message).toContain('现为4人');
    expect((await quancheng.get(`/api/mutual-aid/enrolments?year=${year}`)).json().total).toBe(0);
  });

  it('freezes the list at submission and puts it under the upper union’s review, once', async () => {
    const r = await submit(quancheng, qc, { expectedCount: 4 });
    expect(r.statusCode, r.body).toBe(201);
    const e = r.json();
    first = e.id;
    expect(e).toMatchObject({ status: 'pending', kind: 'annual', memberCount: 4, contributionFen: 3000, amountFen: 12000, operatorName: '王经办', operatorPhoneMasked: '139****0001', canWithdraw: true, contractNo: null });
    expect(e.trail.map((x: { action: string }) => x.action)).toEqual(['submitted']);
    expect(e.steps).toMatchObject([{ label: '上级工会审核', status: 'pending', reviewerOrgName: '泉城路街道总工会' }]);
    expect(names(await frozen(quancheng, first))).toEqual(['周会员', '张入会', '郑今日入会', '钱转入'].sort());

    // A member added after submission is in the live list, not in the frozen one.
    people.late = await memberOf(quancheng, qc, '冯后来者');
    expect((await roster(quancheng, qc)).count).toBe(5);
    expect((await frozen(quancheng, first)).total).toBe(4);

    const twice = await submit(quancheng, qc, { expectedCount: 5 });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('MUTUAL_AID_ENROLMENT_EXISTS');
    expect((await roster(quancheng, qc)).refusal).toContain('正在审核中');

    // The upper union finds it in 审核待办 with a title and the change it is asked to approve.
    const todo = (await lixia.get('/api/reviews?box=all&subjectType=mutual_aid_enrolment')).json();
    const item = todo.items.find((x: { subjectId: string }) => x.subjectId === first);
    expect(item.title).toBe(`${QC_NAME} ${year}年度职工互助保障单位入会（4人，120.00元）`);
    const detail = (await lixia.get(`/api/reviews/${item.id}`)).json();
    expect(detail.changes).toEqual(expect.arrayContaining([{ label: '入会人数', before: null, after: '4人' }, { label: '缴费金额', before: null, after: '120.00元' }, { label: '手机号', before: null, after: '139****0001' }]));
    expect(JSON.stringify(detail)).not.toContain('13905310001');
    // It waits in the street union's own 待我审核 (the unit's upper union), not in a neighbour's.
    const street = await t.as('quanchenglu_admin');
    expect((await street.get('/api/reviews?box=todo&subjectType=mutual_aid_enrolment')).json().items.map((x: { subjectId: string }) => x.subjectId)).toContain(first);
    const otherStreet = await t.as('daguanyuan_street_admin');
    expect((await otherStreet.get('/api/reviews?box=todo&subjectType=mutual_aid_enrolment')).json().items).toEqual([]);
  });

  it('lets the unit withdraw before approval and submit again with the list as it stands then', async () => {
    expect((await lixia.post(`/api/mutual-aid/enrolments/${first}/withdraw`, {})).statusCode).toBe(403);
    expect((await daguanyuan.post(`/api/mutual-aid/enrolments/${first}/withdraw`, {})).statusCode).toBe(404);
    const w = await quancheng.post(`/api/mutual-aid/enrolments/${first}/withdraw`, { reason: '名单需补充' });
    expect(w.statusCode, w.body).toBe(200);
    expect(w.json()).toMatchObject({ status: 'withdrawn', canWithdraw: false });
    expect(w.json().trail.map((x: { action: string }) => x.action)).toEqual(['submitted', 'withdrawn']);
    const twice = await quancheng.post(`/api/mutual-aid/enrolments/${first}/withdraw`, {});
    expect(twice.statusCode).toBe(409);

    // Sent twice with one Idempotency-Key (a lost answer retried): one enrolment, the same answer.
    const key = { 'idempotency-key': 'mutual-aid-resubmit-0001' };
    const body = { year, ...operator, expectedCount: 5 };
    const [r, retry] = await Promise.all([quancheng.post(`/api/mutual-aid/units/${qc}/enrolments`, body, key), quancheng.post(`/api/mutual-aid/units/${qc}/enrolments`, body, key)]);
    expect(r.statusCode, r.body).toBe(201);
    expect(retry.statusCode, retry.body).toBe(201);
    expect(retry.json().id).toBe(r.json().id);
    const reused = await quancheng.post(`/api/mutual-aid/units/${qc}/enrolments`, { ...body, note: '另一份' }, key);
    expect(reused.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    second = r.json().id;
    expect(r.json()).toMatchObject({ memberCount: 5, amountFen: 15000 });
    expect(names(await frozen(quancheng, second))).toContain('冯后来者');
  });

  it('lets the upper union return it with a reason; the unit corrects and resubmits, and the list is taken again', async () => {
    const e = (await quancheng.get(`/api/mutual-aid/enrolments/${second}`)).json();
    const ret = await lixia.post(`/api/reviews/${e.reviewId}/return`, { version: e.reviewVersion, reason: '请核对退休人员' });
    expect(ret.statusCode, ret.body).toBe(200);
    const returned = (await quancheng.get(`/api/mutual-aid/enrolments/${second}`)).json();
    expect(returned).toMatchObject({ status: 'returned', returnReason: '请核对退休人员', canResubmit: true, canWithdraw: false });
    expect((await submit(quancheng, qc, { expectedCount: 5 })).json().message).toContain('退回');
    expect((await quancheng.post(`/api/mutual-aid/enrolments/${second}/withdraw`, {})).statusCode).toBe(409);

    await setStatus(quancheng, people.late.id, 'retained', '已退休');
    const stale = await quancheng.post(`/api/mutual-aid/enrolments/${second}/resubmit`, { ...operator, expectedCount: 5 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('MUTUAL_AID_ROSTER_CHANGED');
    const re = await quancheng.post(`/api/mutual-aid/enrolments/${second}/resubmit`, { ...operator, operatorName: '王经办（复核）', expectedCount: 4 });
    expect(re.statusCode, re.body).toBe(200);
    expect(re.json()).toMatchObject({ status: 'pending', memberCount: 4, amountFen: 12000, operatorName: '王经办（复核）' });
    expect(names(await frozen(quancheng, second))).not.toContain('冯后来者');
  });

  it('once approved: no withdrawal, no second annual submission that year, and the trail shows it all', async () => {
    const e = (await quancheng.get(`/api/mutual-aid/enrolments/${second}`)).json();
    expect((await quancheng.post(`/api/reviews/${e.reviewId}/approve`, { version: e.reviewVersion })).statusCode).toBe(403);
    const ok = await lixia.post(`/api/reviews/${e.reviewId}/approve`, { version: e.reviewVersion, reason: '名单无误' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().changes).toEqual(expect.arrayContaining([expect.objectContaining({ label: '合同编号' }), expect.objectContaining({ label: '保障期间' })]));

    const a = (await quancheng.get(`/api/mutual-aid/enrolments/${second}`)).json();
    const tomorrow = new Date(new Date(`${chinaToday(t.deps.now())}T00:00:00Z`).getTime() + 86_400_000).toISOString().slice(0, 10);
    expect(a).toMatchObject({ status: 'approved', canWithdraw: false, coverTo: `${year}-12-31`, coverFrom: tomorrow > `${year}-12-31` ? `${year}-12-31` : tomorrow });
    expect(a.contractNo).toMatch(new RegExp(`^JNHZ${year}-\\d{6}$`));
    expect(a.trail.map((x: { action: string }) => x.action)).toEqual(['submitted', 'returned', 'resubmitted', 'approved']);
    expect(a.trail.at(-1)).toMatchObject({ reason: '名单无误', actorOrgName: '历下区总工会' });

    const w = await quancheng.post(`/api/mutual-aid/enrolments/${second}/withdraw`, {});
    expect(w.statusCode).toBe(409);
    expect(w.json().message).toBe('上级工会已审核通过，入会申请不能撤回');
    const viaReviews = await quancheng.post(`/api/reviews/${a.reviewId}/withdraw`, { version: a.reviewVersion });
    expect(viaReviews.statusCode).toBe(409);

    const again = await submit(quancheng, qc, { expectedCount: 4 });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('MUTUAL_AID_ALREADY_ENROLLED');
    expect(again.json().message).toContain('本年度不能再次提交');
    expect((await roster(quancheng, qc)).refusal).toContain('本年度不能再次提交');
  });
});

describe('the contract (线上合同)', () => {
  it('is a PDF in Chinese with the unit, year, member count and amount, with the font embedded', async () => {
    const before = await quancheng.get(`/api/mutual-aid/enrolments/${first}/contract.pdf`);
    expect(before.statusCode).toBe(409);
    expect(before.json().code).toBe('MUTUAL_AID_CONTRACT_NOT_READY');
    expect((await daguanyuan.get(`/api/mutual-aid/enrolments/${second}/contract.pdf`)).statusCode).toBe(404);

    const r = await quancheng.get(`/api/mutual-aid/enrolments/${second}/contract.pdf`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    const pdf = r.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeLessThan(150_000);
    // The font is embedded (a subset), not referred to by name.
    expect(pdf.toString('latin1')).toMatch(/\/FontFile2|\/FontFile3/);
    const text = await pdfText(pdf);
    expect(text).toContain('济南市职工互助互济会');
    expect(text).toContain(`${year}年度职工互助保障合同`);
    expect(text).toContain(QC_NAME);
    expect(text).toContain('入会人数：4人');
    expect(text).toContain('人民币壹佰贰拾元整（¥120.00）');
    expect(text).toContain(`${year}年12月31日`);
    expect(text).toContain('附件：入会会员名单（共4人）');
    expect(text).toContain('钱转入');
    // The upper union and the city see the same contract.
    expect((await lixia.get(`/api/mutual-aid/enrolments/${second}/contract.pdf`)).statusCode).toBe(200);
    expect((await city.get(`/api/mutual-aid/enrolments/${second}/contract.pdf`)).statusCode).toBe(200);
  });
});

describe('changes during the year', () => {
  it('adds later arrivals in a supplementary submission, reviewed the same way, freezing only those not yet covered', async () => {
    people.newcomer = await memberOf(quancheng, qc, '陈新入会');
    const sup = await roster(quancheng, qc, 'supplementary');
    expect(names(sup)).toEqual(['陈新入会']);
    expect(sup).toMatchObject({ count: 1, amountFen: 3000, refusal: null });

    const r = await submit(quancheng, qc, { kind: 'supplementary', expectedCount: 1, note: '新入职' });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ kind: 'supplementary', memberCount: 1, amountFen: 3000, status: 'pending' });
    const twice = await submit(quancheng, qc, { kind: 'supplementary', expectedCount: 1 });
    expect(twice.statusCode).toBe(409);
    // While it is under review, its member is no longer "to be added".
    expect((await roster(quancheng, qc, 'supplementary')).count).toBe(0);

    const e = r.json();
    const item = (await lixia.get('/api/reviews?box=all&subjectType=mutual_aid_enrolment&status=pending')).json().items.find((x: { subjectId: string }) => x.subjectId === e.id);
    expect(item.title).toContain('补充入会（1人，30.00元）');
    expect((await lixia.post(`/api/reviews/${e.reviewId}/approve`, { version: e.reviewVersion })).statusCode).toBe(200);
    const after = await roster(quancheng, qc, 'supplementary');
    expect(after.count).toBe(0);
    expect(after.refusal).toContain('都已参保');
    expect((await quancheng.get(`/api/mutual-aid/enrolments/${e.id}/contract.pdf`)).statusCode).toBe(200);
  });

  it('fixes the plan’s year and amount once units have enrolled under it; its wording may still change', async () => {
    const plan = (await city.get('/api/mutual-aid/plans')).json().items.find((p: { year: number }) => p.year === year);
    // The withdrawn one, the approved one (returned and resubmitted in place) and the supplementary one.
    expect(plan.enrolmentCount).toBe(3);
    const body = { year, title: plan.title, coverage: plan.coverage, contributionFen: plan.contributionFen, enrolFrom: plan.enrolFrom, enrolTo: plan.enrolTo, version: plan.version };
    const dearer = await city.patch(`/api/mutual-aid/plans/${plan.id}`, { ...body, contributionFen: 5000 });
    expect(dearer.statusCode).toBe(409);
    expect(dearer.json().code).toBe('MUTUAL_AID_PLAN_LOCKED');
    const reworded = await city.patch(`/api/mutual-aid/plans/${plan.id}`, { ...body, coverage: `${plan.coverage}、身故互助` });
    expect(reworded.statusCode, reworded.body).toBe(200);
    expect(reworded.json().coverage).toContain('身故互助');
  });

  it('does not take a supplementary submission before the annual one is approved', async () => {
    await memberOf(daguanyuan, dgy, '大观园甲');
    const r = await submit(daguanyuan, dgy, { kind: 'supplementary', expectedCount: 1 });
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('MUTUAL_AID_NOT_ENROLLED');
  });

  it('shows the member their policy in the app; one who leaves stays covered to the end of what was paid', async () => {
    const mine = (await worker.client.get('/api/me/mutual-aid/policies')).json();
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ year, orgName: QC_NAME, coverTo: `${year}-12-31`, association: '济南市职工互助互济会', kind: 'annual', contributionFen: 3000, leftNote: null });
    expect(mine.items[0].contractNo).toMatch(/^JNHZ/);

    await setStatus(quancheng, worker.member.id, 'transferred_out', '离职');
    const left = (await worker.client.get('/api/me/mutual-aid/policies')).json();
    expect(left.items).toHaveLength(1);
    expect(left.items[0].coverTo).toBe(`${year}-12-31`);
    expect(left.items[0].leftNote).toContain('转出');
    expect(left.items[0].leftNote).toContain(`至${year}年12月31日期满`);

    // Someone not verified as a member has no policies (and sees nobody else's).
    const stranger = await registerWorker(t);
    expect((await stranger.client.get('/api/me/mutual-aid/policies')).json().items).toEqual([]);
    expect((await t.client().get('/api/me/mutual-aid/policies')).statusCode).toBe(401);
  });
});

describe('two submissions at once', () => {
  it('lets exactly one through for the same unit and year', async () => {
    await memberOf(daguanyuan, dgy, '大观园乙');
    const { count } = await roster(daguanyuan, dgy);
    const results = await Promise.all(Array.from({ length: 4 }, () => submit(daguanyuan, dgy, { expectedCount: count })));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409 && r.json().code === 'MUTUAL_AID_ENROLMENT_EXISTS')).toHaveLength(3);
    expect((await daguanyuan.get(`/api/mutual-aid/enrolments?year=${year}`)).json().total).toBe(1);
  });
});

describe('the association’s view', () => {
  it('lists every unit’s enrolments with counts and amounts, scoped to each viewer’s subtree', async () => {
    const all = (await city.get(`/api/mutual-aid/enrolments?year=${year}`)).json();
    expect(all.items.map((x: { orgName: string }) => x.orgName)).toEqual(expect.arrayContaining([QC_NAME, '济南大观园商业管理有限公司工会']));
    // 泉城: withdrawn (4, counts for nothing), approved 4 + supplementary 1; 大观园: pending 2.
    expect(all.totals).toEqual({ units: 2, members: 7, amountFen: 21000, approvedMembers: 5, approvedAmountFen: 15000 });
    const approved = (await city.get(`/api/mutual-aid/enrolments?year=${year}&status=approved`)).json();
    expect(approved.total).toBe(2);
    const district = (await lixia.get(`/api/mutual-aid/enrolments?year=${year}`)).json();
    expect(new Set(district.items.map((x: { orgName: string }) => x.orgName))).toEqual(new Set([QC_NAME]));
    const other = (await daguanyuan.get(`/api/mutual-aid/enrolments`)).json();
    expect(new Set(other.items.map((x: { orgName: string }) => x.orgName))).toEqual(new Set(['济南大观园商业管理有限公司工会']));
    expect((await daguanyuan.get(`/api/mutual-aid/enrolments/${second}`)).statusCode).toBe(404);
    expect((await daguanyuan.get(`/api/mutual-aid/enrolments/${second}/members`)).statusCode).toBe(404);
    expect((await daguanyuan.post(`/api/mutual-aid/enrolments/${second}/resubmit`, { ...operator, expectedCount: 1 })).statusCode).toBe(404);
    const bad = await city.get(`/api/mutual-aid/enrolments?year=abc`);
    expect(bad.statusCode).toBe(400);
  });

  it('exports the summary as a workbook the association can read back, phones masked, audited', async () => {
    const r = await city.post('/api/mutual-aid/enrolments/export', { year });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-disposition']).toContain(encodeURIComponent('职工互助保障入会汇总'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[2]).toEqual(expect.arrayContaining(['入会单位（工会）', '入会人数', '缴费金额（元）', '合同编号']));
    const approvedRow = rows.find((x) => x[1] === QC_NAME && x[5] === '审核通过' && x[4] === '单位入会')!;
    expect(approvedRow[6]).toBe(4);
    expect(approvedRow[8]).toBe(120);
    expect(approvedRow[10]).toBe('139****0001');
    expect(String(approvedRow[14])).toMatch(/^JNHZ/);
    const totals = rows.at(-1)!;
    expect(String(totals[1])).toContain('合计：2个单位');
    expect(totals[6]).toBe(7);
    expect(totals[8]).toBe(210);
    expect(JSON.stringify(rows)).not.toContain('13905310001');

    // 大观园's export holds only its own.
    const own = await daguanyuan.post('/api/mutual-aid/enrolments/export', { year });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(own.rawPayload as unknown as ArrayBuffer);
    const text: string[] = [];
    wb2.worksheets[0].eachRow((row) => text.push(JSON.stringify(row.values)));
    expect(text.join()).not.toContain(QC_NAME);

    const audits = await t.deps.db.select().from(auditLog);
    expect(audits.filter((a) => a.action === 'mutual_aid.exported').length).toBe(2);
    expect(audits.filter((a) => a.action === 'mutual_aid.submitted').length).toBeGreaterThanOrEqual(4);
    expect(audits.filter((a) => a.action === 'mutual_aid.approved').length).toBe(2);
    expect(JSON.stringify(audits)).not.toContain('13905310001');
  });
});

describe('cover follows the person', () => {
  it('leaves out of another unit’s supplementary list a member already covered this year by the unit they came from', async () => {
    // 大观园's annual enrolment (from the race above) is approved by its upper union's district.
    const pending = (await daguanyuan.get(`/api/mutual-aid/enrolments?year=${year}&status=pending`)).json().items[0];
    const e = (await daguanyuan.get(`/api/mutual-aid/enrolments/${pending.id}`)).json();
    expect((await shizhong.post(`/api/reviews/${e.reviewId}/approve`, { version: e.reviewVersion })).statusCode).toBe(200);

    // 张入会, covered by 泉城's approved enrolment, moves to 大观园; 大观园 also gains a new member.
    const { version } = (await quancheng.get(`/api/members/${people.joined.id}`)).json();
    const tr = await quancheng.post(`/api/members/${people.joined.id}/transfer-out`, { targetOrgId: dgy, reason: '调动', version });
    expect(tr.statusCode, tr.body).toBe(201);
    expect((await lixia.post(`/api/reviews/${tr.json().reviewId}/approve`, { version: 1 })).statusCode).toBe(200);
    await memberOf(daguanyuan, dgy, '大观园丙');

    const sup = await roster(daguanyuan, dgy, 'supplementary');
    expect(names(sup)).toEqual(['大观园丙']);
    expect(names(await roster(daguanyuan, dgy))).toContain('张入会');
    // 泉城's frozen list still holds them, now shown as 转出 there.
    const kept = (await frozen(quancheng, second)).items.find((m: { name: string }) => m.name === '张入会');
    expect(kept.status).toBe('transferred_out');
  });
});

describe('corrected from 审核待办', () => {
  it('resubmits a returned enrolment through the shared review page, checking the corrected fields like a new submission', async () => {
    const r = await submit(daguanyuan, dgy, { kind: 'supplementary', expectedCount: 1 });
    expect(r.statusCode, r.body).toBe(201);
    const e = r.json();
    expect((await shizhong.post(`/api/reviews/${e.reviewId}/return`, { version: e.reviewVersion, reason: '请补充备注' })).statusCode).toBe(200);
    const review = (await daguanyuan.get(`/api/reviews/${e.reviewId}`)).json();
    expect(review.payload).toEqual({ operatorName: operator.operatorName, note: operator.note });

    const hostile = await daguanyuan.post(`/api/reviews/${e.reviewId}/resubmit`, { version: review.version, payload: { operatorName: 'x'.repeat(31), note: '补充' } });
    expect(hostile.statusCode).toBe(400);
    expect(hostile.json().message).toContain('操作人不能超过30个字符');
    expect((await daguanyuan.get(`/api/mutual-aid/enrolments/${e.id}`)).json().status).toBe('returned');

    const ok = await daguanyuan.post(`/api/reviews/${e.reviewId}/resubmit`, { version: review.version, payload: { operatorName: '赵经办', note: '新入职一人' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().changes).toEqual(expect.arrayContaining([{ label: '操作人', before: null, after: '赵经办' }, { label: '申请备注', before: null, after: '新入职一人' }]));
    const after = (await daguanyuan.get(`/api/mutual-aid/enrolments/${e.id}`)).json();
    expect(after).toMatchObject({ status: 'pending', operatorName: '赵经办', note: '新入职一人', memberCount: 1, operatorPhoneMasked: '139****0001' });
  });
});
