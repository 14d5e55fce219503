import { makeIdNumber } from '@gonghui/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/audit.table.js';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness.js';
import { persons } from './members.table.js';

let t: TestContext;
let quancheng: TestClient;
let base: string;
beforeAll(async () => {
  t = await createTestContext({ rateLimits: { global: 10_000, login: 1_000, sms: 1_000 } });
  quancheng = await t.as('quancheng_admin');
  base = await t.orgId('济南泉城软件有限公司工会');
});
afterAll(async () => t?.close());

const add = (c: TestClient, orgId: string, body: Record<string, unknown>) => c.post(`/api/orgs/${orgId}/members`, body);

describe('adding a member', () => {
  it('derives sex and birth date from a resident ID, numbers the member and keeps the ID only encrypted', async () => {
    const r = await add(quancheng, base, { idType: 'resident_id', idNumber: '11010519491231002x', name: '王秀英', phone: '139 0531 2222', joinedOn: '2020-05-01' });
    expect(r.statusCode).toBe(201);
    const m = r.json();
    expect(m).toMatchObject({
      name: '王秀英',
      sex: 'female',
      birthDate: '1949-12-31',
      idNumberMasked: '1101**********002X',
      phoneMasked: '139****2222',
      status: 'joined',
      orgName: '济南泉城软件有限公司工会',
      history: [{ fromStatus: null, toStatus: 'joined', on: '2020-05-01', reason: '新增会员' }],
    });
    expect(m.memberNo).toMatch(/^\d{10}$/);
    const [row] = await t.deps.db.select().from(persons).where(eq(persons.id, m.personId));
    expect(JSON.stringify(row)).not.toContain('11010519491231002X');
    expect(JSON.stringify(row)).not.toContain('13905312222');
    const audit = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'member.created'));
    expect(JSON.stringify(audit)).not.toContain('11010519491231002X');
    expect(audit.at(-1)!.after).toMatchObject({ idNumberMasked: '1101**********002X' });
  });

  it('answers a bad number with the reason, on the field, and writes nothing', async () => {
    const before = (await t.deps.db.select().from(persons)).length;
    const wrongCheck = await add(quancheng, base, { idType: 'resident_id', idNumber: '340524198001010013', name: '李四' });
    expect(wrongCheck.statusCode).toBe(400);
    expect(wrongCheck.json().details[0]).toMatchObject({ path: 'idNumber', message: expect.stringContaining('校验') });
    const excel = await add(quancheng, base, { idType: 'resident_id', idNumber: '3.40524E+17', name: '李四' });
    expect(excel.json().details[0].message).toContain('科学计数');
    const passportNoSex = await add(quancheng, base, { idType: 'passport', idNumber: 'E12345678', name: 'John Smith' });
    expect(passportNoSex.json().details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['sex', 'birthDate']));
    const future = await add(quancheng, base, { idType: 'resident_id', idNumber: '360426199101010071', name: '刘洋', joinedOn: '2999-01-01' });
    expect(future.json().details[0]).toMatchObject({ path: 'joinedOn', message: '入会日期不能晚于今天' });
    const hostile = await add(quancheng, base, { idType: 'resident_id', idNumber: "'; drop table persons;--", name: '<img src=x>' });
    expect(hostile.statusCode).toBe(400);
    expect((await t.deps.db.select().from(persons)).length).toBe(before);
  });

  it('accepts other documents with sex and birth date given', async () => {
    const r = await add(quancheng, base, { idType: 'passport', idNumber: 'E12345678', name: 'John Smith', sex: 'male', birthDate: '1985-03-04' });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ idType: 'passport', sex: 'male', birthDate: '1985-03-04', idNumberMasked: 'E1*****78' }) // short documents show less: 4+4 of 9 would hide one character;
  });

  it('refuses the same person twice, and names the other union instead of moving anyone', async () => {
    const again = await add(quancheng, base, { idType: 'resident_id', idNumber: '11010519491231002X', name: '王秀英' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ALREADY_MEMBER');
    const lixia = await t.as('lixia_admin');
    const other = await add(lixia, await t.orgId('济南明湖餐饮管理有限公司工会'), { idType: 'resident_id', idNumber: '11010519491231002X', name: '王秀英' });
    expect(other.statusCode).toBe(409);
    expect(other.json()).toMatchObject({ code: 'PERSON_IN_OTHER_UNION', details: { orgName: '济南泉城软件有限公司工会' } });
    expect(other.json().message).toContain('济南泉城软件有限公司工会');
  });

  it('adds members only to base or joint unions, and only with their own work units', async () => {
    const lixia = await t.as('lixia_admin');
    const district = await add(lixia, await t.orgId('历下区总工会'), { idType: 'resident_id', idNumber: '360426199101010071', name: '刘洋' });
    expect(district.json().code).toBe('NOT_A_BASE_UNION');
    const foreignUnit = (await lixia.get(`/api/orgs/${await t.orgId('济南明湖餐饮管理有限公司工会')}/work-units`)).json()[0].id;
    const r = await add(quancheng, base, { idType: 'resident_id', idNumber: '360426199101010071', name: '刘洋', workUnitId: foreignUnit });
    expect(r.json().details[0]).toMatchObject({ path: 'workUnitId', message: '所在单位不属于本工会' });
  });
});

describe('finding members', () => {
  beforeAll(async () => {
    const unit = (await quancheng.get(`/api/orgs/${base}/work-units`)).json()[0].id;
    for (let i = 0; i < 25; i++) {
      const idNumber = makeIdNumber({ birthDate: `1990-01-${String(i + 1).padStart(2, '0')}`, sex: i % 2 ? 'male' : 'female', addressCode: '370102' });
      const r = await add(quancheng, base, { idType: 'resident_id', idNumber, name: `张${i < 10 ? '伟' : '敏'}${i}`, phone: `1380000${String(1000 + i)}`, workUnitId: unit });
      expect(r.statusCode).toBe(201);
    }
  });

  it('searches by name prefix, member number, exact document number, phone and status, with pages', async () => {
    const byName = (await quancheng.get(`/api/members?name=${encodeURIComponent('张伟')}&pageSize=5`)).json();
    expect(byName.total).toBe(10);
    expect(byName.items).toHaveLength(5);
    const page2 = (await quancheng.get(`/api/members?name=${encodeURIComponent('张伟')}&pageSize=5&page=2`)).json();
    expect(new Set([...byName.items, ...page2.items].map((m: { id: string }) => m.id)).size).toBe(10);

    const one = byName.items[0];
    expect((await quancheng.get(`/api/members?memberNo=${one.memberNo}`)).json().items.map((m: { id: string }) => m.id)).toEqual([one.id]);
    const id = makeIdNumber({ birthDate: '1990-01-03', sex: 'female', addressCode: '370102' });
    const fullWidth = id.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    expect((await quancheng.get(`/api/members?idNumber=${encodeURIComponent(fullWidth)}`)).json().items.map((m: { name: string }) => m.name)).toEqual(['张伟2']);
    expect((await quancheng.get('/api/members?phone=13800001007')).json().items.map((m: { name: string }) => m.name)).toEqual(['张伟7']);
    expect((await quancheng.get('/api/members?phone=not-a-phone')).json().total).toBe(0);
    const sorted = (await quancheng.get('/api/members?sort=memberNo&order=desc&pageSize=3')).json().items.map((m: { memberNo: string }) => m.memberNo);
    expect(sorted).toEqual([...sorted].sort().reverse());
    expect((await quancheng.get('/api/members?pageSize=101')).json().code).toBe('VALIDATION_FAILED');
  });

  it('lets an upper union search its whole subtree, masked', async () => {
    const district = await t.as('lixia_admin');
    const r = (await district.get(`/api/members?name=${encodeURIComponent('张敏')}`)).json();
    expect(r.total).toBe(15);
    expect(r.items[0].idNumberMasked).toMatch(/^3701\*{10}\d{3}[\dX]$/);
    expect(r.items[0].phoneMasked).toMatch(/^138\*{4}\d{4}$/);
    expect(JSON.stringify(r)).not.toMatch(/\d{17}[\dX]/);
  });
});

describe('changing a member', () => {
  const newMember = async (idNumber: string, name: string) =>
    (await add(quancheng, base, { idType: 'resident_id', idNumber, name, joinedOn: '2021-03-01' })).json();

  it('edits with the version and refuses a stale one; the ID decides sex', async () => {
    const m = await newMember(makeIdNumber({ birthDate: '1980-02-02', sex: 'male', addressCode: '370103' }), '赵磊');
    const ok = await quancheng.patch(`/api/members/${m.id}`, { version: m.version, address: '山东省济南市历下区泉城路1号', sex: 'female', education: '本科' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ address: '山东省济南市历下区泉城路1号', sex: 'male', education: '本科', version: m.version + 1 });
    const stale = await quancheng.patch(`/api/members/${m.id}`, { version: m.version, address: '别处' });
    expect(stale.statusCode).toBe(409);
    expect((await quancheng.get(`/api/members/${m.id}`)).json().address).toBe('山东省济南市历下区泉城路1号');
  });

  it('sets retained and then transferred-out with date and reason, keeping the history', async () => {
    const m = await newMember(makeIdNumber({ birthDate: '1962-06-06', sex: 'male', addressCode: '370104' }), '孙建国');
    const early = await quancheng.post(`/api/members/${m.id}/status`, { status: 'retained', on: '2020-01-01', reason: '退休', version: m.version });
    expect(early.json().details[0]).toMatchObject({ path: 'on', message: '变更日期不能早于入会日期' });
    const retained = await quancheng.post(`/api/members/${m.id}/status`, { status: 'retained', on: '2022-06-30', reason: '退休', version: m.version });
    expect(retained.json()).toMatchObject({ status: 'retained' });
    const out = await quancheng.post(`/api/members/${m.id}/status`, { status: 'transferred_out', on: '2023-01-15', reason: '离开本市', version: retained.json().version });
    expect(out.json().history.map((h: { toStatus: string }) => h.toStatus)).toEqual(['joined', 'retained', 'transferred_out']);
    const again = await quancheng.post(`/api/members/${m.id}/status`, { status: 'retained', on: '2023-02-01', reason: '误操作', version: out.json().version });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'STATUS_CHANGE_NOT_ALLOWED', message: '会籍状态为“转出”的会员不能改为“保留”' });
    // Having left, the person may join a union again, with a new number.
    const lixia = await t.as('lixia_admin');
    const rejoin = await add(lixia, await t.orgId('济南明湖餐饮管理有限公司工会'), { idType: 'resident_id', idNumber: makeIdNumber({ birthDate: '1962-06-06', sex: 'male', addressCode: '370104' }), name: '孙建国' });
    expect(rejoin.statusCode).toBe(201);
    expect(rejoin.json().memberNo).not.toBe(m.memberNo);
  });

  it('reveals one full value for a reason, audits it without the value, and only to those allowed', async () => {
    const idNumber = makeIdNumber({ birthDate: '1975-07-07', sex: 'female', addressCode: '370105' });
    const m = await newMember(idNumber, '周芳');
    const noReason = await quancheng.post(`/api/members/${m.id}/reveal`, { field: 'idNumber', reason: ' ' });
    expect(noReason.json().details[0]).toMatchObject({ path: 'reason', message: '请填写查看原因' });
    const r = await quancheng.post(`/api/members/${m.id}/reveal`, { field: 'idNumber', reason: '办理会员服务卡核对' });
    expect(r.json()).toEqual({ value: idNumber });
    const [audit] = (await t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'member.revealed'))).slice(-1);
    expect(audit.after).toEqual({ field: 'idNumber', reason: '办理会员服务卡核对' });
    expect(JSON.stringify(audit)).not.toContain(idNumber);
    const auditor = await t.as('city_audit');
    expect((await auditor.post(`/api/members/${m.id}/reveal`, { field: 'idNumber', reason: '好奇' })).statusCode).toBe(403);
  });
});

describe('revealing at scale', () => {
  // Last in the file: it spends this minute's allowance of reveals for the test client's address.
  it('rate-limits reveals: a full number is a deliberate act, not a scrape', async () => {
    const m = (await add(quancheng, base, { idType: 'resident_id', idNumber: makeIdNumber({ birthDate: '1983-03-03', sex: 'male', addressCode: '370112' }), name: '吴强' })).json();
    const codes: number[] = [];
    for (let i = 0; i < 31; i++) codes.push((await quancheng.post(`/api/members/${m.id}/reveal`, { field: 'idNumber', reason: '批量核对' })).statusCode);
    expect(codes.filter((c) => c === 200).length).toBeLessThanOrEqual(30);
    expect(codes.at(-1)).toBe(429);
    const refused = await quancheng.post(`/api/members/${m.id}/reveal`, { field: 'idNumber', reason: '批量核对' });
    expect(refused.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(refused.body).not.toMatch(/\d{17}[\dX]/);
  });
});
