import { asc, count, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgs } from '../../modules/organisations/organisations.table.js';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness.js';
import { auditLog } from './audit.table.js';

let t: TestContext;
let cityAudit: TestClient; // audit admin of 济南市总工会
let lixia: TestClient; // operator of 历下区总工会
let shizhong: TestClient; // operator of 市中区总工会

beforeAll(async () => {
  // Many logins from one test IP; rate limits are covered in auth.test.ts.
  t = await createTestContext({ rateLimits: { global: 10_000, login: 1_000, sms: 1_000 } });
  cityAudit = await t.as('city_audit');
  lixia = await t.as('lixia_admin');
  shizhong = await t.as('shizhong_admin');
  // Some ordinary work in two districts, and a failed login by a stranger.
  const edit = await lixia.patch(`/api/orgs/${await t.orgId('济南泉城软件有限公司工会')}`, { version: 1, chairName: '张闻天' });
  expect(edit.statusCode).toBe(200);
  const created = await shizhong.post(`/api/orgs/${await t.orgId('大观园街道总工会')}/children`, { kind: 'base_union', name: '济南大观园影城有限公司工会' });
  expect(created.statusCode).toBe(201);
  expect((await t.client().login('nobody_here', 'Wrong#Pass1')).statusCode).toBe(401);
});
afterAll(async () => t?.close());

const rows = () => t.deps.db.select().from(auditLog).orderBy(asc(auditLog.seq));
async function rowCount() {
  const [r] = await t.deps.db.select({ n: count() }).from(auditLog);
  return r.n;
}
const rowOf = async (seq: number) => (await t.deps.db.select().from(auditLog).where(eq(auditLog.seq, seq)))[0];
/** The seq of the newest record with this action. */
async function seqOf(action: string) {
  const all = await rows();
  return all.filter((r) => r.action === action).at(-1)!.seq;
}
/** The database error behind a refused query, whichever driver and wrapper carried it. */
async function refusal(query: PromiseLike<unknown>): Promise<string> {
  const err = await Promise.resolve(query).then(
    () => null,
    (e: unknown) => e as Error & { cause?: Error },
  );
  expect(err, 'the query should have been refused').toBeInstanceOf(Error);
  return `${err!.message} ${err!.cause?.message ?? ''}`;
}
/** Runs raw statements with the append-only trigger switched off, as an intruder with DB rights could. */
async function withTriggerDisabled(tamper: () => Promise<unknown>) {
  await t.deps.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
  try {
    await tamper();
  } finally {
    await t.deps.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
  }
}
const verify = async () => {
  const r = await cityAudit.get('/api/audit/verify');
  expect(r.statusCode).toBe(200);
  return r.json() as { ok: boolean; checked: number; brokenAtSeq: number | null; reason: string | null };
};
const query = async (client: TestClient, params: Record<string, string>) => {
  const r = await client.get(`/api/audit?${new URLSearchParams(params)}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as { items: { seq: number; action: string; actorUsername: string | null; orgId: string | null; orgName: string | null; at: string; ip: string | null }[]; total: number };
};

describe('separation of duties', () => {
  it('the audit admin sees only the audit endpoints', async () => {
    expect((await cityAudit.get('/api/auth/session')).json().permissions).toEqual(['audit.read']);
    const cityId = await t.orgId('济南市总工会');
    for (const url of ['/api/orgs/tree', '/api/orgs', `/api/orgs/${cityId}`, '/api/accounts', `/api/orgs/${cityId}/activation-codes`]) {
      const r = await cityAudit.get(url);
      expect(r.statusCode, url).toBe(403);
      expect(r.json()).toMatchObject({ code: 'FORBIDDEN', message: '当前岗位无权进行此操作' });
    }
    const before = await rowCount();
    const write = await cityAudit.post(`/api/orgs/${cityId}/children`, { kind: 'district_federation', name: '审计员新建的区总工会' });
    expect(write.statusCode).toBe(403);
    expect(await rowCount()).toBe(before);
    expect((await cityAudit.get('/api/audit')).statusCode).toBe(200);
  });

  it('business operators and security admins cannot read the audit log', async () => {
    const security = await t.as('city_security');
    for (const client of [lixia, security]) {
      for (const url of ['/api/audit', '/api/audit/verify']) {
        const r = await client.get(url);
        expect(r.statusCode, url).toBe(403);
        expect(r.json().code).toBe('FORBIDDEN');
      }
    }
  });

  it('nobody can change the log through the database: UPDATE, DELETE and TRUNCATE are refused', async () => {
    const first = await rowOf(1);
    expect(await refusal(t.deps.db.update(auditLog).set({ result: 'failure', actorUsername: 'someone_else' }).where(eq(auditLog.seq, 1)))).toContain('audit_log is append-only');
    expect(await refusal(t.deps.db.delete(auditLog).where(eq(auditLog.seq, 1)))).toContain('audit_log is append-only');
    expect(await refusal(t.deps.db.execute(sql`truncate audit_log`))).toContain('audit_log is append-only');
    expect(await rowOf(1)).toEqual(first);
  });
});

describe('searching the log', () => {
  it('records who, where, what and from which address', async () => {
    const edit = await rowOf(await seqOf('org.updated'));
    expect(edit).toMatchObject({
      actorUsername: 'lixia_admin',
      actorName: '历下区业务管理员',
      orgId: await t.orgId('济南泉城软件有限公司工会'),
      objectType: 'org',
      result: 'success',
      ip: '127.0.0.1',
      before: { chairName: '张闻' },
      after: { chairName: '张闻天' },
    });
    const failed = await query(cityAudit, { action: 'auth.login_failed', actor: 'nobody_here' });
    expect(failed.total).toBe(1);
    expect(failed.items[0]).toMatchObject({ orgId: null, actorUsername: 'nobody_here' });
  });

  it('filters by actor, action and organisation', async () => {
    const all = await rows();
    const byActor = await query(cityAudit, { actor: 'lixia_admin', pageSize: '100' });
    expect(byActor.total).toBe(all.filter((r) => r.actorUsername === 'lixia_admin').length);
    expect(new Set(byActor.items.map((r) => r.actorUsername))).toEqual(new Set(['lixia_admin']));

    const created = await query(cityAudit, { action: 'org.created' });
    expect(created.items.map((r) => r.action)).toEqual(['org.created']);
    expect(created.items[0]).toMatchObject({ actorUsername: 'shizhong_admin', orgName: '济南大观园影城有限公司工会' });

    const orgId = await t.orgId('济南泉城软件有限公司工会');
    const byOrg = await query(cityAudit, { orgId });
    expect(byOrg.total).toBe(all.filter((r) => r.orgId === orgId).length);
    expect(byOrg.items.every((r) => r.orgId === orgId && r.orgName === '济南泉城软件有限公司工会')).toBe(true);
    expect(byOrg.items.map((r) => r.action)).toContain('org.updated');

    const byName = await query(cityAudit, { orgName: '泉城软件', pageSize: '100' });
    expect(byName.total).toBe(byOrg.total);
    expect(byName.items.every((r) => r.orgName === '济南泉城软件有限公司工会')).toBe(true);
    expect(await query(cityAudit, { orgName: '%' })).toMatchObject({ total: 0 });

    const both = await query(cityAudit, { actor: 'lixia_admin', action: 'org.created' });
    expect(both).toMatchObject({ total: 0, items: [] });
  });

  it('filters by a time range, in UTC or Beijing time', async () => {
    const from = new Date();
    const id = await t.orgId('济南明湖餐饮管理有限公司工会');
    expect((await lixia.patch(`/api/orgs/${id}`, { version: 1, headcount: 90 })).statusCode).toBe(200);
    const to = new Date();
    const utc = await query(cityAudit, { from: from.toISOString(), to: to.toISOString() });
    expect(utc.items.map((r) => [r.action, r.orgId])).toEqual([['org.updated', id]]);
    const beijing = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().replace('Z', '+08:00');
    expect((await query(cityAudit, { from: beijing(from), to: beijing(to) })).total).toBe(1);
    expect((await query(cityAudit, { from: new Date(to.getTime() + 1000).toISOString() })).total).toBe(0);
    const bad = await cityAudit.get('/api/audit?from=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details).toEqual([{ path: 'from', message: '开始时间格式不正确' }]);
  });

  it('pages newest first', async () => {
    const total = await rowCount();
    const p1 = (await query(cityAudit, { pageSize: '3', page: '1' })).items.map((r) => r.seq);
    const p2 = (await query(cityAudit, { pageSize: '3', page: '2' })).items.map((r) => r.seq);
    expect([...p1, ...p2]).toEqual([total, total - 1, total - 2, total - 3, total - 4, total - 5]);
  });

  it('a district audit admin sees only records about its own subtree', async () => {
    const code = (await (await t.as('city_security')).post(`/api/orgs/${await t.orgId('历下区总工会')}/activation-codes`, { role: 'audit_admin' })).json().code;
    const auditor = t.client();
    const phone = '13966668888';
    await auditor.post('/api/auth/sms-code', { purpose: 'register', phone, ...(await auditor.captcha()) });
    const reg = await auditor.post('/api/auth/register', { username: 'lixia_audit', name: '历下区审计管理员', phone, smsCode: t.sms.lastCode(phone)!, password: 'Audit#Lixia2026' });
    expect(reg.statusCode).toBe(201);
    const bound = await auditor.post('/api/me/posts/bind', { code });
    expect(bound.json()).toMatchObject({ activePost: { orgName: '历下区总工会', role: 'audit_admin' }, permissions: ['audit.read'] });

    const lixiaPath = (await t.deps.db.select().from(orgs).where(eq(orgs.id, await t.orgId('历下区总工会'))))[0].path;
    const [{ n: inSubtree }] = await t.deps.db
      .select({ n: count() })
      .from(auditLog)
      .innerJoin(orgs, eq(orgs.id, auditLog.orgId))
      .where(like(orgs.path, `${lixiaPath}%`));
    const seen = await query(auditor, { pageSize: '100' });
    expect(seen.total).toBe(inSubtree);
    for (const r of seen.items) {
      const [o] = await t.deps.db.select().from(orgs).where(eq(orgs.id, r.orgId!));
      expect(o.path.startsWith(lixiaPath)).toBe(true);
    }
    expect(seen.items.map((r) => r.action)).toEqual(expect.arrayContaining(['org.updated', 'post.bound']));
    // Beside it, and security events with no organisation, it cannot see.
    expect((await query(auditor, { orgId: await t.orgId('济南大观园影城有限公司工会') })).total).toBe(0);
    expect((await query(cityAudit, { orgId: await t.orgId('济南大观园影城有限公司工会') })).total).toBe(1);
    expect((await query(auditor, { actor: 'nobody_here' })).total).toBe(0);
    expect((await query(auditor, { actor: 'shizhong_admin' })).total).toBe(0);
  });
});

describe('the hash chain', () => {
  it('verifies after ordinary work', async () => {
    expect(await verify()).toEqual({ ok: true, checked: await rowCount(), brokenAtSeq: null, reason: null });
  });

  it('detects a record whose content was changed behind the trigger’s back', async () => {
    const seq = await seqOf('org.updated');
    const original = await rowOf(seq);
    await withTriggerDisabled(() =>
      t.deps.db.update(auditLog).set({ after: { ...(original.after as object), headcount: 9999 } }).where(eq(auditLog.seq, seq)),
    );
    expect(await verify()).toEqual({ ok: false, checked: seq - 1, brokenAtSeq: seq, reason: `第 ${seq} 条记录内容被改动` });

    // The trigger is back on.
    expect(await refusal(t.deps.db.update(auditLog).set({ after: original.after }).where(eq(auditLog.seq, seq)))).toContain('append-only');
    // Putting the content back restores the chain: the hash covers exactly the content.
    await withTriggerDisabled(() => t.deps.db.update(auditLog).set({ after: original.after }).where(eq(auditLog.seq, seq)));
    expect((await verify()).ok).toBe(true);

    // Other fields are covered too: who did it, and the result.
    await withTriggerDisabled(() => t.deps.db.update(auditLog).set({ actorUsername: 'city_admin' }).where(eq(auditLog.seq, seq)));
    expect(await verify()).toMatchObject({ ok: false, brokenAtSeq: seq });
    await withTriggerDisabled(() => t.deps.db.update(auditLog).set({ actorUsername: original.actorUsername }).where(eq(auditLog.seq, seq)));
    expect((await verify()).ok).toBe(true);
  });

  it('detects a deleted record as a gap', async () => {
    const seq = await seqOf('org.created');
    const original = await rowOf(seq);
    await withTriggerDisabled(() => t.deps.db.delete(auditLog).where(eq(auditLog.seq, seq)));
    expect(await verify()).toEqual({ ok: false, checked: seq - 1, brokenAtSeq: seq, reason: `缺少第 ${seq} 条记录` });
    // A forged replacement without the key does not pass either.
    await t.deps.db.insert(auditLog).values({ ...original, actorUsername: 'city_admin', hash: original.hash });
    expect(await verify()).toMatchObject({ ok: false, brokenAtSeq: seq, reason: `第 ${seq} 条记录内容被改动` });
    await withTriggerDisabled(() => t.deps.db.delete(auditLog).where(eq(auditLog.seq, seq)));
    await t.deps.db.insert(auditLog).values(original);
    expect((await verify()).ok).toBe(true);
    // New records keep chaining after the repair.
    expect((await lixia.patch(`/api/orgs/${await t.orgId('济南泉城软件有限公司工会')}`, { version: 2, chairName: '张闻' })).statusCode).toBe(200);
    expect(await verify()).toMatchObject({ ok: true, checked: await rowCount() });
  });
});
