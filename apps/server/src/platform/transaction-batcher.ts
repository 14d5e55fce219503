import type { Db, Tx } from '../db/client.js';
import { recordAudits, type Actor, type AuditEntry } from './audit/audit.js';
import { AppError } from './errors.js';
import { isTransient } from './pg-errors.js';

interface Item {
  work: (tx: Tx) => Promise<unknown>;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

/**
 * Thrown by a unit that would have to wait for a row another transaction holds: inside a batch it
 * must not (the batch already holds rows another one may be waiting for), so it leaves nothing
 * written and runs again alone once the batch has committed.
 */
export class RetryAlone extends Error {}

const batched = new WeakSet<object>();
/** Whether this transaction is a batch's, holding several units (a unit must not wait for locks there). */
export const inBatch = (tx: Tx): boolean => batched.has(tx);

type AuditRecord = { actor: Actor; entry: AuditEntry };
const audits = new WeakMap<object, AuditRecord[]>();

/**
 * The unit's audit record, written at the end of its transaction together with those of the
 * other units of the batch (one lock of the chain, one insert), so the chain's lock is held only
 * for the batch's last statements and its commit. Outside the batcher it is written at once.
 */
export async function auditAtCommit(tx: Tx, key: Buffer, actor: Actor, entry: AuditEntry): Promise<void> {
  const list = audits.get(tx);
  if (list) list.push({ actor, entry });
  else await recordAudits(tx, key, [{ actor, entry }]);
}

/**
 * Group commit for small, hot writes (a welfare claim): units of work that arrive while
 * transactions are running are run together in the next one and committed at once. Why: every
 * such write also appends to the audit chain, whose lock (like any single hot row) is held until
 * commit, so one transaction per unit serialises the units on the commit's disk flush. A batch
 * pays for that lock and that flush once.
 *
 * The units' contract: inside a batch (inBatch), a unit that refuses (AppError, RetryAlone) must
 * have written nothing, by writing in one statement that does all or nothing or by undoing what
 * it wrote. There are no savepoints: one round trip each is a large part of a small unit's cost,
 * and the claim, the one unit, needs none. Its audit records are dropped with the refusal.
 *
 * Each unit still sees only the database: a refusal is answered as if alone; nothing is decided
 * from memory. A unit never waits for a lock inside a
 * batch (RetryAlone): it runs alone after the batch, where waiting is safe. If the batch cannot
 * commit (a deadlock with another server's batch, a lost connection), nothing of it was kept, and
 * each unit runs again in a transaction of its own (a deadlock's victim there runs again too).
 * A few batches run at once per database handle: their units work side by side and queue only
 * for the audit records, written at each batch's end; other requests keep the rest of the pool.
 */
export class TransactionBatcher {
  private queue: Item[] = [];
  private writers = 0;

  constructor(
    private readonly db: Db,
    /** The audit key: a batch writes its units' records at its end (auditAtCommit). */
    private readonly auditKey: Buffer,
    private readonly maxWriters = 2,
    private readonly maxBatch = 32,
  ) {}

  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
      if (this.writers < this.maxWriters) void this.drain();
    });
  }

  private async drain() {
    this.writers++;
    try {
      while (this.queue.length > 0) await this.runBatch(this.queue.splice(0, this.maxBatch));
    } finally {
      this.writers--;
    }
  }

  private async runBatch(batch: Item[]) {
    if (batch.length === 1) return this.alone(batch[0]);
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown } | { ok: 'later' })[] = [];
    try {
      await this.db.transaction(async (tx) => {
        const records: AuditRecord[] = [];
        batched.add(tx);
        for (const item of batch) {
          // Units run one after another on the batch's transaction.
          const own: AuditRecord[] = [];
          audits.set(tx, own);
          try {
            outcomes.push({ ok: true, value: await item.work(tx) });
            records.push(...own);
          } catch (error) {
            // A refusal concerns its unit only (which wrote nothing); anything else (a database
            // failure) ends the batch.
            if (!(error instanceof RetryAlone) && !(error instanceof AppError)) throw error;
            outcomes.push(error instanceof RetryAlone ? { ok: 'later' } : { ok: false, error });
          }
        }
        await recordAudits(tx, this.auditKey, records);
      });
    } catch {
      for (const item of batch) await this.alone(item);
      return;
    }
    for (const [i, item] of batch.entries()) {
      const o = outcomes[i];
      if (o.ok === 'later') await this.alone(item);
      else if (o.ok) item.resolve(o.value);
      else item.reject(o.error);
    }
  }

  /** A unit in a transaction of its own (it may wait for locks); a deadlock's victim simply runs again. */
  private async alone(item: Item) {
    for (let attempt = 1; ; attempt++) {
      try {
        return item.resolve(
          await this.db.transaction(async (tx) => {
            const own: AuditRecord[] = [];
            audits.set(tx, own);
            const value = await item.work(tx);
            await recordAudits(tx, this.auditKey, own);
            return value;
          }),
        );
      } catch (e) {
        if (attempt < 4 && isTransient(e)) continue;
        return item.reject(e);
      }
    }
  }
}
