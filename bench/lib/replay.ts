import pg from 'pg';
import { createDatabase, type Db } from '../../apps/server/src/db/client.js';

export interface Statement {
  text: string;
  values: unknown[];
  /** Set when the app used a prepared statement: the replay prepares it too. */
  name?: string;
}

type Query = (this: pg.Client, config: unknown, values?: unknown, ...rest: unknown[]) => unknown;

/**
 * The server's own database layer (Drizzle over pg) with a tap on what it sends: the benchmark runs
 * the repository once per sample request and later replays exactly those statements, straight over
 * a pg pool. The tap sits on pg's Client.query (one pg for the app and this process), only while
 * `record` runs.
 */
export async function recordingDb(url: string) {
  const database = await createDatabase({ databaseUrl: url });
  let log: Statement[] | null = null;
  const proto = pg.Client.prototype as unknown as { query: Query };
  const original = proto.query;
  proto.query = function (this: pg.Client, config: unknown, values?: unknown, ...rest: unknown[]) {
    if (log) {
      const c = config as { text?: string; values?: unknown[]; name?: string };
      if (typeof config === 'string') log.push({ text: config, values: Array.isArray(values) ? values : [] });
      else if (c && typeof c.text === 'string') log.push({ text: c.text, values: Array.isArray(values) ? values : (c.values ?? []), ...(c.name ? { name: c.name } : {}) });
    }
    return original.call(this, config, values, ...rest);
  } as Query;
  return {
    db: database.db,
    /** The statements `fn` sent, in order. */
    async record(fn: (db: Db) => Promise<unknown>): Promise<Statement[]> {
      log = [];
      try {
        await fn(database.db);
        return log;
      } finally {
        log = null;
      }
    },
    async close() {
      proto.query = original;
      await database.close();
    },
  };
}

/** Sends one request's statements one after the other, as the repository does (array rows, as Drizzle asks for). */
export async function replay(pool: pg.Pool, statements: Statement[]): Promise<void> {
  for (const s of statements) await pool.query({ text: s.text, values: s.values, rowMode: 'array', ...(s.name ? { name: s.name } : {}) });
}
