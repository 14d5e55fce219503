import { inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness.js';
import { verifyAuditChain, type Actor } from './audit/audit.js';
import { auditLog } from './audit/audit.table.js';
import { AppError } from './errors.js';
import { auditAtCommit, inBatch, RetryAlone, TransactionBatcher } from './transaction-batcher.js';

let t: TestContext;
const actor: Actor = { accountId: null, username: 'batcher-test', name: null, orgId: null, ip: null };

beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t?.close());

const recorded = async (ids: string[]) =>
  (await t.deps.db.select({ id: auditLog.objectId }).from(auditLog).where(inArray(auditLog.objectId, ids))).map((r) => r.id).sort();

/** A unit that audits `id` (at commit) and then either answers, refuses, or asks to run alone once. */
function unit(id: string, then: 'ok' | 'refuse' | 'alone-once' | 'break') {
  let tries = 0;
  return async (tx: Parameters<Parameters<TransactionBatcher['run']>[0]>[0]) => {
    tries++;
    await tx.execute(sql`select 1`);
    await auditAtCommit(tx, t.deps.config.keys.auditKey, actor, { action: 'e_coupon.claimed', objectType: 'test', objectId: id });
    if (then === 'refuse') throw new AppError('CLAIM_SOLD_OUT');
    if (then === 'alone-once' && inBatch(tx)) throw new RetryAlone();
    // A database failure inside a batch: the batch is abandoned and every unit runs again alone.
    if (then === 'break' && tries === 1) await tx.execute(sql`select * from no_such_table`);
    return `${id}:${inBatch(tx) ? 'batch' : 'alone'}`;
  };
}

it('runs units that arrive together in one transaction; a refusal undoes only its own unit and its audit record', async () => {
  const b = new TransactionBatcher(t.deps.db, t.deps.config.keys.auditKey, 1, 32);
  const ids = ['u1', 'u2', 'u3', 'u4', 'u5'];
  const results = await Promise.allSettled([b.run(unit('u1', 'ok')), b.run(unit('u2', 'ok')), b.run(unit('u3', 'refuse')), b.run(unit('u4', 'alone-once')), b.run(unit('u5', 'ok'))]);
  // The first ran alone (nothing else was waiting yet), the next four together.
  expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as AppError).code))).toEqual(['u1:alone', 'u2:batch', 'CLAIM_SOLD_OUT', 'u4:alone', 'u5:batch']);
  expect(await recorded(ids)).toEqual(['u1', 'u2', 'u4', 'u5']);
  expect((await verifyAuditChain(t.deps.db, t.deps.config.keys.auditKey)).ok).toBe(true);
});

it('a batch that fails as a whole keeps nothing and runs each unit again alone', async () => {
  const b = new TransactionBatcher(t.deps.db, t.deps.config.keys.auditKey, 1, 32);
  const ids = ['v1', 'v2', 'v3', 'v4'];
  const results = await Promise.allSettled([b.run(unit('v1', 'ok')), b.run(unit('v2', 'ok')), b.run(unit('v3', 'break')), b.run(unit('v4', 'ok'))]);
  expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'failed'))).toEqual(['v1:alone', 'v2:alone', 'v3:alone', 'v4:alone']);
  // Each audit record exactly once: the abandoned batch left none behind.
  expect(await recorded(ids)).toEqual(ids);
  expect((await verifyAuditChain(t.deps.db, t.deps.config.keys.auditKey)).ok).toBe(true);
});
