import PgBoss from 'pg-boss';
import type { ExecuteSql } from '../db/client.js';

/** What a background job handler receives. */
export type JobHandler<T> = (data: T) => Promise<void>;

/**
 * Background jobs on pg-boss, in the platform's own database (PGlite or PostgreSQL): a job is
 * a row, so it survives a restart, and a failed one is retried. Handlers must be idempotent.
 */
export interface Jobs {
  send<T extends object>(queue: string, data: T): Promise<void>;
  work<T extends object>(queue: string, handler: JobHandler<T>): Promise<void>;
  stop(): Promise<void>;
}

export interface JobsOptions {
  executeSql: ExecuteSql;
  onError?: (err: Error) => void;
}

export async function startJobs(opts: JobsOptions): Promise<Jobs> {
  const boss = new PgBoss({
    db: { executeSql: (text: string, values: unknown[]) => opts.executeSql(text, values) },
    schema: 'pgboss',
    // Cron schedules are not used; maintenance (expiry, archiving) is.
    schedule: false,
  });
  boss.on('error', (err: Error) => (opts.onError ?? ((e) => console.error('job queue error:', e.message)))(err));
  await boss.start();
  const workers = new Map<string, string[]>();
  return {
    async send(queue, data) {
      await boss.send(queue, data, { retryLimit: 2, retryDelay: 1, expireInSeconds: 30 * 60 });
      // Wake this process's workers now rather than at their next poll.
      for (const id of workers.get(queue) ?? []) boss.notifyWorker(id);
    },
    async work(queue, handler) {
      await boss.createQueue(queue);
      const id = await boss.work(queue, { pollingIntervalSeconds: 2, batchSize: 1 }, async (jobs: { data: unknown }[]) => {
        for (const job of jobs) await handler(job.data as never);
      });
      workers.set(queue, [...(workers.get(queue) ?? []), id]);
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 10_000, wait: true });
    },
  };
}
