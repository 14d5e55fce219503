// 20,000 real-name-verified members claim a 1,000-coupon activity through the HTTP API with 64
// concurrent clients (session, CSRF, Idempotency-Key, verification, scope, window, per-person limit,
// bucketed stock, e-coupon with its code, audit record; claims arriving together share a transaction
// and its statements), against the naive design in the same run: one hot stock row, the conditional
// decrement and the claim insert sent straight to the database over a pool of 64 connections. Both
// run a smaller sale first, so both are measured warm. Checks exactly 1,000 granted and nobody twice
// for both (and that a retry gets its first e-coupon), and prints grants per second of each, their
// ratio (target: API ≥ naive) and the CPU each process spent per grant. Absolute rates drift with the
// machine's load; the ratio is what to compare between runs. Exits non-zero only when an invariant
// fails (a count other than 1,000, someone twice, an unexpected error).
//
//   npm run bench:claim                          PostgreSQL (DATABASE_URL, else 127.0.0.1:5432/test), the app in its own process
//   BENCH_EMBEDDED=1 npm run bench:claim         the embedded default (PGlite), the app in this process
//   BENCH_MEMBERS=5000 BENCH_COUPONS=300 npm run bench:claim    a quick look
//   BENCH_PROFILE=/tmp/prof npm run bench:claim  also a CPU profile of the server process
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app.js';
import { baseConfig, randomKeys } from '../apps/server/src/config.js';
import { createDatabase, rowsOf, type Database, type Db } from '../apps/server/src/db/client.js';
import { seedDemo } from '../apps/server/src/demo/seed.js';
import { sessions } from '../apps/server/src/modules/auth/auth.table.js';
import { insertActivity, insertVerifiedMembers, welfareSetup, type BulkMember } from '../apps/server/src/modules/benefits/benefits.fixtures.js';
import { newCouponCode } from '../apps/server/src/modules/benefits/coupon-code.js';
import { STOCK_BUCKETS } from '../apps/server/src/modules/benefits/stock-buckets.js';
import { SmsSimulator } from '../apps/server/src/modules/integrations/sms/sms.simulator.js';
import { orgs } from '../apps/server/src/modules/organisations/organisations.table.js';
import { createCrypto, sha256 } from '../apps/server/src/platform/crypto.js';
import { appDeps } from './lib/app-deps.js';
import { createBenchDatabase } from './lib/database.js';
import { keysToJson } from './lib/keys.js';
import { percentile } from './lib/load.js';
import { childCpu, ownCpu, postgresCpu, postgresCpuDelta } from './lib/cpu.js';

const num = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const MEMBERS = num('BENCH_MEMBERS', 20_000);
const COUPONS = num('BENCH_COUPONS', 1_000);
const CLIENTS = 64;
/** Connections the app's own pool may open (the server's default is 20). */
const SERVER_POOL = num('BENCH_SERVER_POOL', 20);
/**
 * Every claim carries an Idempotency-Key, as the member app sends one. Of every TWICE members, one
 * claims from two phones at once (two keys: the per-person limit lets one win) and one sends a
 * retry with the same key while the first is on its way (a lost answer: both get the same e-coupon).
 */
const TWICE = 10;
const EMBEDDED = process.env.BENCH_EMBEDDED === '1';
const UNION = '济南泉城软件有限公司工会';

const log = (line = '') => console.log(line);
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** An activity for each design and who claims it: the first `members` members, for `coupons` coupons. */
interface Target {
  members: number;
  coupons: number;
  api: { activityId: string; prizeId: string };
  naive: { activityId: string; prizeId: string; couponId: string; validFrom: Date; validTo: Date };
}

interface Seeded {
  members: BulkMember[];
  /** Session cookie token and CSRF token of each member, inserted directly (20,000 logins would time the password hash, not claims). */
  sessions: { token: string; csrf: string }[];
  measured: Target;
  /** A smaller sale run first through each design, so both are measured warm (JIT-compiled, connections open), as in production. */
  warmUp: Target;
}

async function seed(db: Db, keys: ReturnType<typeof randomKeys>): Promise<Seeded> {
  const crypto = createCrypto(keys);
  await seedDemo({ db });
  const [org] = await db.select({ id: orgs.id }).from(orgs).where(sql`${orgs.name} = ${UNION}`);
  const t0 = performance.now();
  const members = await insertVerifiedMembers(db, crypto, org.id, MEMBERS);
  const now = new Date();
  const target = async (members: number, coupons: number): Promise<Target> => {
    const api = await welfareSetup(db, crypto, org.id, now, { quantity: coupons });
    const naive = await insertActivity(db, org.id, now, { prizes: [{ couponId: api.coupon.id, quantity: coupons }], buckets: 1 });
    return {
      members,
      coupons,
      api: { activityId: api.activity.id, prizeId: api.prizeId },
      naive: { activityId: naive.activity.id, prizeId: naive.prizeIds[0], couponId: api.coupon.id, validFrom: api.coupon.validFrom, validTo: api.coupon.validTo },
    };
  };
  const measured = await target(MEMBERS, COUPONS);
  const warmUp = await target(Math.min(MEMBERS, 3000), Math.max(1, Math.round(COUPONS * 0.3)));
  const list = members.map(() => ({ token: randomBytes(24).toString('base64url'), csrf: randomBytes(16).toString('base64url') }));
  for (let i = 0; i < members.length; i += 1000) {
    await db.insert(sessions).values(
      members.slice(i, i + 1000).map((m, k) => ({ id: sha256(list[i + k].token), accountId: m.accountId, csrfToken: list[i + k].csrf, expiresAt: new Date(now.getTime() + 12 * 3600_000) })),
    );
  }
  // Statistics, as a live database has them from autovacuum (the planner's picture of 20,000 new rows).
  await db.execute(sql`analyze`);
  log(`seed: ${members.length.toLocaleString('en')} verified members with sessions, an activity of ${COUPONS} coupons in ${STOCK_BUCKETS} stock buckets (API) and one of ${COUPONS} in one hot row (naive), in ${secs(performance.now() - t0)}`);
  return { members, sessions: list, measured, warmUp };
}

interface Arrival {
  member: number;
  key: string;
}

/** The order members arrive in (shuffled), with their keys; some twice at once (TWICE). */
function arrivals(n: number): Arrival[][] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order.map((member, i) => {
    const key = randomUUID();
    if (i % TWICE === 0) return [{ member, key }, { member, key: randomUUID() }];
    if (i % TWICE === TWICE / 2) return [{ member, key }, { member, key }];
    return [{ member, key }];
  });
}

/** CPU seconds so far of the app's process (null: it is this one), the database's backends (null: not on this machine) and this process. */
interface CpuSnapshot {
  app: number | null;
  pg: Map<number, number> | null;
  load: number;
}
/** Set on PostgreSQL, where the app and the database run in processes of their own. */
let cpuSnapshot: (() => Promise<CpuSnapshot>) | null = null;

interface RunResult {
  /** CPU seconds spent from the first request to the last grant, by the app, the database and the clients. */
  cpu: { app: number | null; pg: number | null; load: number } | null;
  /** The same over the whole run, every claim answered. */
  cpuAll: { app: number | null; pg: number | null; load: number } | null;
  granted: number;
  refused: Record<string, number>;
  errors: string[];
  /** ms from the first request to the last grant. */
  toSoldOutMs: number;
  totalMs: number;
  latencies: Float64Array;
}

/** 64 closed-loop workers take arrivals off one queue until every member has tried. */
async function drive(t: Target, attempt: (arrival: Arrival, worker: number) => Promise<'granted' | string>, twice: boolean): Promise<RunResult> {
  const queue = arrivals(t.members).map((b) => (twice ? b : b.slice(0, 1)));
  let next = 0;
  let granted = 0;
  let lastGrant = 0;
  const refused: Record<string, number> = {};
  const errors: string[] = [];
  const lat: number[] = [];
  const cpu0 = cpuSnapshot ? await cpuSnapshot() : null;
  let cpuAtLastGrant = null as Promise<CpuSnapshot> | null;
  const start = performance.now();
  const one = async (a: Arrival, w: number) => {
    const t0 = performance.now();
    const r = await attempt(a, w).catch((e: Error) => `error: ${e.message}`);
    const t1 = performance.now();
    lat.push(t1 - t0);
    if (r === 'granted') {
      granted++;
      lastGrant = t1;
      if (granted === t.coupons && cpuSnapshot) cpuAtLastGrant = cpuSnapshot();
    } else if (r.startsWith('error') || r.startsWith('HTTP')) {
      if (errors.length < 5) errors.push(r);
      refused.error = (refused.error ?? 0) + 1;
    } else refused[r] = (refused[r] ?? 0) + 1;
  };
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, w) => {
      while (next < queue.length) {
        const batch = queue[next++];
        await Promise.all(batch.map((a) => one(a, w)));
      }
    }),
  );
  const totalMs = performance.now() - start;
  const cpu1 = cpuAtLastGrant ? await cpuAtLastGrant : null;
  const cpu2 = cpuSnapshot ? await cpuSnapshot() : null;
  const spent = (a: CpuSnapshot | null, b: CpuSnapshot | null) =>
    a && b ? { app: a.app === null || b.app === null ? null : b.app - a.app, pg: postgresCpuDelta(a.pg, b.pg), load: b.load - a.load } : null;
  return { cpu: spent(cpu0, cpu1), cpuAll: spent(cpu0, cpu2), granted, refused, errors, toSoldOutMs: lastGrant - start, totalMs, latencies: Float64Array.from(lat).sort() };
}

/** One keep-alive connection per client, like 64 phones. */
function httpClients(port: number) {
  const agents = Array.from({ length: CLIENTS }, () => new http.Agent({ keepAlive: true, maxSockets: 2 }));
  const post = (w: number, path: string, body: unknown, cookie: string, csrf: string, idempotencyKey: string) =>
    new Promise<{ status: number; body: string; replayed: boolean }>((resolve, reject) => {
      const payload = Buffer.from(JSON.stringify(body));
      const req = http.request(
        { host: '127.0.0.1', port, method: 'POST', path, agent: agents[w], headers: { cookie, 'x-csrf-token': csrf, 'idempotency-key': idempotencyKey, 'content-type': 'application/json', 'content-length': payload.length } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), replayed: res.headers['idempotent-replayed'] === 'true' }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  return { post, close: () => agents.forEach((a) => a.destroy()) };
}

async function runApi(port: number, s: Seeded, t: Target): Promise<RunResult> {
  const c = httpClients(port);
  /** The e-coupon answered under each key: a retry must get the same one. */
  const byKey = new Map<string, string>();
  try {
    return await drive(t, async ({ member: m, key }, w) => {
      const r = await c.post(w, `/api/me/activities/${t.api.activityId}/claims`, { prizeId: t.api.prizeId }, `gh_sid=${s.sessions[m].token}`, s.sessions[m].csrf, key);
      if (r.status === 201) {
        const id = (JSON.parse(r.body) as { id: string }).id;
        const first = byKey.get(key);
        if (first && first !== id) return `error: key ${key} answered two e-coupons`;
        byKey.set(key, id);
        return r.replayed ? 'replayed (the same e-coupon)' : 'granted';
      }
      const code = (JSON.parse(r.body) as { code?: string }).code;
      return code === 'CLAIM_SOLD_OUT' || code === 'CLAIM_LIMIT_REACHED' ? code : `HTTP ${r.status} ${r.body.slice(0, 200)}`;
    }, true);
  } finally {
    c.close();
  }
}

/** The naive design: BEGIN; conditional decrement of the one row; insert the e-coupon; COMMIT. */
const DECREMENT = 'update prize_stock set remaining = remaining - 1 where prize_id = $1 and bucket = 0 and remaining > 0 returning remaining';
const INSERT =
  'insert into e_coupons (code, activity_id, prize_id, coupon_id, person_id, membership_id, account_id, valid_from, valid_to, face_value_fen) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 5000)';
const naiveValues = (t: Target, m: BulkMember) => [newCouponCode(), t.naive.activityId, t.naive.prizeId, t.naive.couponId, m.personId, m.membershipId, m.accountId, t.naive.validFrom, t.naive.validTo];

async function runNaivePg(url: string, s: Seeded, t: Target): Promise<RunResult> {
  const pool = new pg.Pool({ connectionString: url, max: CLIENTS });
  try {
    return await drive(t, async ({ member: m }) => {
      const c = await pool.connect();
      try {
        await c.query('begin');
        const d = await c.query(DECREMENT, [t.naive.prizeId]);
        if (d.rowCount === 0) {
          await c.query('rollback');
          return 'CLAIM_SOLD_OUT';
        }
        await c.query(INSERT, naiveValues(t, s.members[m]));
        await c.query('commit');
        return 'granted';
      } catch (e) {
        await c.query('rollback').catch(() => {});
        throw e;
      } finally {
        c.release();
      }
    }, false);
  } finally {
    await pool.end();
  }
}

/** The naive design on the embedded database: the same two statements; its one connection runs one transaction at a time. */
async function runNaiveEmbedded(db: Db, s: Seeded, t: Target): Promise<RunResult> {
  const n = t.naive;
  return drive(t, async ({ member: i }) =>
    db.transaction(async (tx) => {
      const d = rowsOf(await tx.execute(sql`update prize_stock set remaining = remaining - 1 where prize_id = ${n.prizeId} and bucket = 0 and remaining > 0 returning remaining`));
      if (d.length === 0) return 'CLAIM_SOLD_OUT';
      const m = s.members[i];
      await tx.execute(sql`insert into e_coupons (code, activity_id, prize_id, coupon_id, person_id, membership_id, account_id, valid_from, valid_to, face_value_fen)
        values (${newCouponCode()}, ${n.activityId}, ${n.prizeId}, ${n.couponId}, ${m.personId}, ${m.membershipId}, ${m.accountId}, ${n.validFrom}, ${n.validTo}, 5000)`);
      return 'granted';
    }),
    false,
  );
}

/** Exactly as many e-coupons for the prize as it had coupons, to as many different people, and its stock at 0 (never below). */
async function check(db: Db, prizeId: string, coupons: number, what: string) {
  const [r] = rowsOf<{ n: number; people: number; codes: number }>(
    await db.execute(sql`select count(*)::int as n, count(distinct person_id)::int as people, count(distinct code)::int as codes from e_coupons where prize_id = ${prizeId}`),
  );
  const [st] = rowsOf<{ left: number; low: number }>(await db.execute(sql`select sum(remaining)::int as left, min(remaining)::int as low from prize_stock where prize_id = ${prizeId}`));
  const ok = r.n === coupons && r.people === coupons && r.codes === coupons && st.left === 0 && st.low === 0;
  log(`${what}: ${r.n} e-coupons to ${r.people} different members, stock left ${st.left} → ${ok ? `PASS (exactly ${coupons}, nobody twice)` : 'FAIL'}`);
  return ok;
}

function report(name: string, r: RunResult, t: Target) {
  const rate = t.coupons / (r.toSoldOutMs / 1000);
  const refused = Object.entries(r.refused)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
  log(
    `${name.padEnd(6)} ${String(r.granted).padStart(5)} granted in ${secs(r.toSoldOutMs)} = ${rate.toFixed(0)} grants/s; all ${r.latencies.length.toLocaleString('en')} claims answered in ${secs(r.totalMs)}; p50 ${percentile(r.latencies, 50).toFixed(1)} ms, p95 ${percentile(r.latencies, 95).toFixed(1)} ms; other answers: ${refused}`,
  );
  const ms = (sec: number | null, n: number) => (sec === null ? '–' : `${((sec * 1000) / n).toFixed(2)} ms`);
  if (r.cpu) log(`       CPU per grant, up to the last one: app ${ms(r.cpu.app, t.coupons)}, database ${ms(r.cpu.pg, t.coupons)}, clients ${ms(r.cpu.load, t.coupons)}`);
  if (r.cpuAll) {
    const n = r.latencies.length;
    log(`       CPU per answer, all ${n.toLocaleString('en')}: app ${ms(r.cpuAll.app, n)}, database ${ms(r.cpuAll.pg, n)}, clients ${ms(r.cpuAll.load, n)}`);
  }
  for (const e of r.errors) log(`  ${e}`);
  return rate;
}

async function main() {
  const started = performance.now();
  log(`coupon-claim benchmark: ${MEMBERS.toLocaleString('en')} members, ${COUPONS} coupons, ${CLIENTS} concurrent clients, ${EMBEDDED ? 'embedded PGlite (app in this process)' : `PostgreSQL (app in its own process, pool ${SERVER_POOL})`}`);
  log(`machine: ${os.cpus().length} cores, Node ${process.version}`);
  const keys = randomKeys();
  const closers: (() => Promise<unknown>)[] = [];
  let server: ChildProcess | undefined;
  let ok = true;
  try {
    let database: Database;
    let port: number;
    let naiveRun: (s: Seeded, t: Target) => Promise<RunResult>;
    if (EMBEDDED) {
      const dir = mkdtempSync(join(tmpdir(), 'gh-bench-claim-'));
      closers.push(async () => rmSync(dir, { recursive: true, force: true }));
      database = await createDatabase({ pgliteDir: join(dir, 'pglite') });
      closers.push(() => database.close());
      const config = baseConfig({ env: 'production', dataDir: dir, keys, logLevel: 'warn', rateLimits: { global: 1_000_000_000, login: 1000, sms: 10 } });
      const { deps, stop } = await appDeps(database, config, new SmsSimulator());
      closers.push(stop);
      const app = await buildApp(deps);
      closers.push(() => app.close());
      await app.listen({ port: 0, host: '127.0.0.1' });
      port = (app.server.address() as { port: number }).port;
      naiveRun = (s, t) => runNaiveEmbedded(database.db, s, t);
    } else {
      const bench = await createBenchDatabase();
      closers.push(() => bench.drop());
      log(`database: ${bench.name}`);
      database = await createDatabase({ databaseUrl: bench.url });
      closers.push(() => database.close());
      server = fork(new URL('./lib/server.ts', import.meta.url), {
        // BENCH_PROFILE=dir: the server writes a V8 CPU profile there when it stops (where its time goes).
        execArgv: ['--import', 'tsx', ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [])],
        env: { ...process.env, BENCH_LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn', BENCH_SERVER: JSON.stringify({ databaseUrl: bench.url, keys: keysToJson(keys), poolMax: SERVER_POOL }) },
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      });
      port = await new Promise<number>((resolve, reject) => {
        server!.once('message', (m: { port: number }) => resolve(m.port));
        server!.once('exit', (code) => reject(new Error(`server exited (${code})`)));
      });
      naiveRun = (s, t) => runNaivePg(bench.url, s, t);
      const meter = new pg.Pool({ connectionString: bench.url, max: 1 });
      closers.push(() => meter.end());
      const app = server;
      cpuSnapshot = async () => ({ app: await childCpu(app), pg: await postgresCpu(meter, bench.name), load: ownCpu() });
    }
    const s = await seed(database.db, keys);

    log(`\nruns (each member claims once; through the API with an Idempotency-Key as the app sends, and of every ${TWICE} members one claims from two phones at once and one retries with the same key at once, which the naive design, having no per-person limit and no keys, is spared; grants/s = coupons ÷ time to the last grant)`);
    const w = s.warmUp;
    const warm = [await runApi(port, s, w), await naiveRun(s, w)];
    log(`warm-up: ${w.members.toLocaleString('en')} members for ${w.coupons} coupons through each design (${warm.map((r) => `${r.granted} granted`).join(', ')})`);
    const m = s.measured;
    const api = await runApi(port, s, m);
    const apiRate = report('API', api, m);
    const naive = await naiveRun(s, m);
    const naiveRate = report('naive', naive, m);
    log('');
    for (const [t, what] of [[w, 'warm-up'], [m, '']] as const) {
      ok = (await check(database.db, t.api.prizeId, t.coupons, `API   ${what}`.trimEnd())) && ok;
      ok = (await check(database.db, t.naive.prizeId, t.coupons, `naive ${what}`.trimEnd())) && ok;
    }
    ok = ok && [...warm, api, naive].every((r) => r.errors.length === 0);
    const ratio = apiRate / naiveRate;
    log(`\nAPI ${apiRate.toFixed(0)} grants/s vs naive ${naiveRate.toFixed(0)} grants/s: ratio ${ratio.toFixed(2)} → ${ratio >= 1 ? 'PASS' : 'FAIL'} (target API ≥ naive)`);
    log(`${ok ? 'invariants PASS' : 'invariants FAIL'} (whole run ${((performance.now() - started) / 1000).toFixed(0)} s)`);
  } finally {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server!.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
    for (const close of closers.reverse()) await close().catch(() => {});
  }
  if (!ok) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
