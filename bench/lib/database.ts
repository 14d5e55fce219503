import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The server the benchmark may create its own databases on. */
export function serverUrl(): string {
  return process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
}

export interface BenchDatabase {
  name: string;
  url: string;
  /** Drops the database; safe to call twice, and called on exit or Ctrl-C if the run never got there. */
  drop(): Promise<void>;
}

/** A fresh gh_bench_<random> database on the server, dropped (with force) when the run ends however it ends. */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  const base = serverUrl();
  const name = `gh_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  };
  const onSignal = (sig: NodeJS.Signals) => {
    console.error(`\n${sig}: dropping ${name}`);
    drop().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return { name, url: u.toString(), drop };
}
