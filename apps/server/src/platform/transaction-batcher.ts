import type { Db, Tx } from '../db/client.js';
import { recordAudits, type AuditRecord } from './audit/audit.js';
import { AppError } from './errors.js';
import { answeredByDatabase, isTransient } from './pg-errors.js';

/** What became of one unit of a batch. */
export type UnitOutcome<O> =
  /** Done: its answer and its audit records. */
  | { ok: true; value: O; audits: AuditRecord[] }
  /** Refused (answered as if alone). */
  | { ok: false; error: AppError }
  /** Could not be done without waiting for a lock another transaction holds: run it alone after the batch. */
  | { ok: 'later' };

/**
 * Work that can be done for many units at once. `together` does a batch's units in the batch's
 * transaction, set-wise (a few statements for all of them, not a few for each), and answers
 * for each unit in order. It must never wait for a lock (the batch holds rows another
 * transaction may be waiting for: that unit is 'later'), and a unit it refuses or puts off must
 * have left nothing written. `alone` does one unit in a transaction of its own, where waiting is
 * safe; a refusal there throws and rolls that transaction back.
 */
export interface BatchWork<I, O> {
  together(tx: Tx, units: I[]): Promise<UnitOutcome<O>[]>;
  alone(tx: Tx, unit: I): Promise<{ value: O; audits: AuditRecord[] }>;
}

interface Item<I, O> {
  unit: I;
  resolve: (v: O) => void;
  reject: (e: unknown) => void;
}

/**
 * Group commit for small, hot writes (a welfare claim): units that arrive while a batch is
 * running wait for the next one, which does them together and commits them at once. Why: every
 * such write also appends to the audit chain, whose lock (like any single hot row) is held until
 * commit, so one transaction per unit serialises the units on that lock; and a statement per
 * unit costs the server and the database a round trip each. A batch pays for the lock, the
 * commit and its statements once.
 *
 * Each unit is still judged by the database, as if alone: nothing is decided from memory. If a
 * batch fails before its commit, or the database refuses the commit, nothing of it was kept, and
 * each unit runs again alone (a deadlock's victim there runs again too). If the connection is
 * lost while committing, whether the batch was kept is unknown, and its units fail instead. A few
 * batches run at once per database handle; other requests keep the rest of the pool.
 */
export class TransactionBatcher<I, O> {
  private queue: Item<I, O>[] = [];
  private writers = 0;

  constructor(
    private readonly db: Db,
    /** The audit key: a batch writes its units' records at its end. */
    private readonly auditKey: Buffer,
    private readonly work: BatchWork<I, O>,
    private readonly maxWriters = 2,
    private readonly maxBatch = 64,
  ) {}

  run(unit: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ unit, resolve, reject });
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

  private async runBatch(batch: Item<I, O>[]) {
    if (batch.length === 1) return this.alone(batch[0]);
    let outcomes: UnitOutcome<O>[];
    let committing = false;
    try {
      outcomes = await this.db.transaction(async (tx) => {
        const done = await this.work.together(
          tx,
          batch.map((b) => b.unit),
        );
        if (done.length !== batch.length) throw new Error(`a batch of ${batch.length} answered ${done.length} units`);
        await recordAudits(
          tx,
          this.auditKey,
          done.flatMap((o) => (o.ok === true ? o.audits : [])),
        );
        committing = true;
        return done;
      });
    } catch (e) {
      // The connection lost while committing: the batch may have been kept, so none of its units
      // may run again (a claim could be granted twice). Each is answered with the failure; a
      // client retrying with its Idempotency-Key gets the first answer if there was one.
      if (committing && !answeredByDatabase(e)) {
        for (const item of batch) item.reject(e);
        return;
      }
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
  private async alone(item: Item<I, O>) {
    for (let attempt = 1; ; attempt++) {
      try {
        return item.resolve(
          await this.db.transaction(async (tx) => {
            const { value, audits } = await this.work.alone(tx, item.unit);
            await recordAudits(tx, this.auditKey, audits);
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
