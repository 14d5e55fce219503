import type { Db, Tx } from '../db/client.js';
import { AppError } from './errors.js';
import { isTransient } from './pg-errors.js';

interface Item {
  work: (tx: Tx) => Promise<unknown>;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

/**
 * Thrown by a unit that would have to wait for a row another transaction holds: inside a batch it
 * must not (the batch already holds rows, and the audit chain's lock, that the other one may be
 * waiting for), so its savepoint is rolled back and it runs again alone once the batch has committed.
 */
export class RetryAlone extends Error {}

const batched = new WeakSet<object>();
/** Whether this transaction is a unit's savepoint inside a batch (it must not wait for locks). */
export const inBatch = (tx: Tx): boolean => batched.has(tx);

/**
 * Group commit for small, hot writes (a welfare claim): units of work that arrive while a
 * transaction is running are run together in the next one, each in a savepoint of its own, and
 * committed at once. Why: every such write also appends to the audit chain, whose lock (like any
 * single hot row) is held until commit, so one transaction per unit serialises the units on the
 * commit's disk flush. A batch pays for that flush and that lock once.
 *
 * Each unit still sees only the database: a refusal (AppError) rolls back its savepoint and is
 * answered as if alone; nothing is decided from memory. A unit never waits for a lock inside a
 * batch (RetryAlone): it runs alone after the batch, where waiting is safe. If the batch cannot
 * commit (a deadlock with another server's batch, a lost connection), nothing of it was kept, and
 * each unit runs again in a transaction of its own (a deadlock's victim there runs again too).
 * One batch runs at a time per database handle; other requests keep the rest of the pool.
 */
export class TransactionBatcher {
  private queue: Item[] = [];
  private running = false;

  constructor(
    private readonly db: Db,
    private readonly maxBatch = 64,
  ) {}

  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain() {
    this.running = true;
    try {
      while (this.queue.length > 0) await this.runBatch(this.queue.splice(0, this.maxBatch));
    } finally {
      this.running = false;
    }
  }

  private async runBatch(batch: Item[]) {
    if (batch.length === 1) return this.alone(batch[0]);
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown } | { ok: 'later' })[] = [];
    try {
      await this.db.transaction(async (tx) => {
        for (const item of batch) {
          try {
            outcomes.push({
              ok: true,
              value: await tx.transaction((sp) => {
                batched.add(sp);
                return item.work(sp);
              }),
            });
          } catch (error) {
            // A refusal concerns its unit only; anything else (a database failure) ends the batch.
            if (error instanceof RetryAlone) outcomes.push({ ok: 'later' });
            else if (error instanceof AppError) outcomes.push({ ok: false, error });
            else throw error;
          }
        }
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
        return item.resolve(await this.db.transaction((tx) => item.work(tx)));
      } catch (e) {
        if (attempt < 4 && isTransient(e)) continue;
        return item.reject(e);
      }
    }
  }
}
