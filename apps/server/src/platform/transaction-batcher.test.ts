import { inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness.js';
import type { Tx } from '../db/client.js';
import { verifyAuditChain, type Actor, type AuditRecord } from './audit/audit.js';
import { auditLog } from './audit/audit.table.js';
import { AppError } from './errors.js';
import { answeredByDatabase } from './pg-errors.js';
import { TransactionBatcher, type BatchWork, type UnitOutcome } from './transaction-batcher.js';

let t: TestContext;
const actor: Actor = { accountId: null, username: 'batcher-test', name: null, orgId: null, ip: null };

beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t?.close());

const recorded = async (ids: string[]) =>
  (await t.deps.db.select({ id: auditLog.objectId }).from(auditLog).where(inArray(auditLog.objectId, ids))).map((r) => r.id).sort();

const audit = (id: string): AuditRecord[] => [{ actor, entry: { action: 'e_coupon.claimed', objectType: 'test', objectId: id } }];

/** A unit: its id and what a batch does with it ('ok', refuse, put off, or break the batch's statement). */
type Unit = { id: string; then: 'ok' | 'refuse' | 'later' | 'break' };

/** Records which batches ran and with which units; answers `${id}:batch` or `${id}:alone`. */
function work() {
  const batches: string[][] = [];
  const w: BatchWork<Unit, string> = {
    async together(tx: Tx, units: Unit[]): Promise<UnitOutcome<string>[]> {
      batches.push(units.map((u) => u.id));
      await tx.execute(sql`select 1`);
      // A database failure inside a batch: the batch is abandoned and every unit runs again alone.
      if (units.some((u) => u.then === 'break')) await tx.execute(sql`select * from no_such_table`);
      return units.map((u) =>
        u.then === 'refuse' ? { ok: false, error: new AppError('CLAIM_SOLD_OUT') } : u.then === 'later' ? { ok: 'later' } : { ok: true, value: `${u.id}:batch`, audits: audit(u.id) },
      );
    },
    async alone(tx: Tx, u: Unit) {
      await tx.execute(sql`select 1`);
      if (u.then === 'refuse') throw new AppError('CLAIM_SOLD_OUT');
      return { value: `${u.id}:alone`, audits: audit(u.id) };
    },
  };
  return { w, batches };
}

const settle = (results: PromiseSettledResult<string>[]) => results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as AppError).code));

it('does units that arrive together in one batch; a refusal keeps no audit record, a unit put off runs alone afterwards', async () => {
  const { w, batches } = work();
  const b = new TransactionBatcher(t.deps.db, t.deps.config.keys.auditKey, w, 1, 32);
  const units: Unit[] = [
    { id: 'u1', then: 'ok' },
    { id: 'u2', then: 'ok' },
    { id: 'u3', then: 'refuse' },
    { id: 'u4', then: 'later' },
    { id: 'u5', then: 'ok' },
  ];
  const results = await Promise.allSettled(units.map((u) => b.run(u)));
  // The first ran alone (nothing else was waiting yet), the next four together.
  expect(batches).toEqual([['u2', 'u3', 'u4', 'u5']]);
  expect(settle(results)).toEqual(['u1:alone', 'u2:batch', 'CLAIM_SOLD_OUT', 'u4:alone', 'u5:batch']);
  expect(await recorded(units.map((u) => u.id))).toEqual(['u1', 'u2', 'u4', 'u5']);
  expect((await verifyAuditChain(t.deps.db, t.deps.config.keys.auditKey)).ok).toBe(true);
});

it('a batch that fails as a whole keeps nothing and runs each unit again alone', async () => {
  const { w, batches } = work();
  const b = new TransactionBatcher(t.deps.db, t.deps.config.keys.auditKey, w, 1, 32);
  const units: Unit[] = [
    { id: 'v1', then: 'ok' },
    { id: 'v2', then: 'ok' },
    { id: 'v3', then: 'break' },
    { id: 'v4', then: 'ok' },
  ];
  const results = await Promise.allSettled(units.map((u) => b.run(u)));
  expect(batches).toEqual([['v2', 'v3', 'v4']]);
  expect(settle(results)).toEqual(['v1:alone', 'v2:alone', 'v3:alone', 'v4:alone']);
  // Each audit record exactly once: the abandoned batch left none behind.
  expect(await recorded(units.map((u) => u.id))).toEqual(['v1', 'v2', 'v3', 'v4']);
  expect((await verifyAuditChain(t.deps.db, t.deps.config.keys.auditKey)).ok).toBe(true);
});

it('takes at most maxBatch units at a time', async () => {
  const { w, batches } = work();
  const b = new TransactionBatcher(t.deps.db, t.deps.config.keys.auditKey, w, 1, 3);
  const units: Unit[] = ['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7'].map((id) => ({ id, then: 'ok' }));
  const results = await Promise.allSettled(units.map((u) => b.run(u)));
  expect(settle(results)).toEqual(['w1:alone', 'w2:batch', 'w3:batch', 'w4:batch', 'w5:batch', 'w6:batch', 'w7:batch']);
  expect(batches).toEqual([
    ['w2', 'w3', 'w4'],
    ['w5', 'w6', 'w7'],
  ]);
});

it('tells an error the database answered from a lost connection', async () => {
  const refused = await t.deps.db.execute(sql`select * from no_such_table`).catch((e: unknown) => e);
  expect(answeredByDatabase(refused)).toBe(true);
  expect(answeredByDatabase(new Error('Connection terminated unexpectedly'))).toBe(false);
  expect(answeredByDatabase(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }))).toBe(false);
});

it('never runs again the units of a batch whose commit was lost with the connection: it may have been kept', async () => {
  const { w, batches } = work();
  let aloneRuns = 0;
  const lost = new Error('Connection terminated unexpectedly');
  // A database whose transactions do their work, then lose the connection while committing.
  const db = {
    transaction: async <T>(cb: (tx: Tx) => Promise<T>) => {
      await cb(t.deps.db as unknown as Tx);
      throw lost;
    },
  } as unknown as typeof t.deps.db;
  const b = new TransactionBatcher(db, t.deps.config.keys.auditKey, { together: w.together, alone: (tx, u) => (aloneRuns++, w.alone(tx, u)) }, 1, 32);
  const units: Unit[] = ['x1', 'x2', 'x3'].map((id) => ({ id, then: 'ok' }));
  const results = await Promise.allSettled(units.map((u) => b.run(u)));
  // x1 ran alone (its commit lost too: a unit alone is not retried either), x2 and x3 as a batch.
  expect(batches).toEqual([['x2', 'x3']]);
  expect(aloneRuns).toBe(1);
  expect(results.map((r) => (r.status === 'rejected' ? (r.reason as Error).message : 'kept'))).toEqual(Array(3).fill('Connection terminated unexpectedly'));
});
