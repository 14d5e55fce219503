// 20,000 real-name-verified members claim a 1,000-coupon activity through the HTTP API with 64
// concurrent clients (session, CSRF, verification, scope, window, per-person limit, bucketed stock,
// e-coupon with its code, audit record, all in one transaction per claim), against the naive design
// in the same run: one hot stock row, the conditional decrement and the claim insert sent straight
// to the database over a pool of 64 connections. Checks exactly 1,000 granted and nobody twice for
// both, and prints grants per second of each and their ratio (target: API ≥ naive). Absolute rates
// drift with the machine's load; the ratio is what to compare between runs. Exits non-zero only when an
// invariant fails (a count other than 1,000, someone twice, an unexpected error).
//
//   npm run bench:claim                          PostgreSQL (DATABASE_URL, else 127.0.0.1:5432/test), the app in its own process
//   BENCH_EMBEDDED=1 npm run bench:claim         the embedded default (PGlite), the app in this process
//   BENCH_MEMBERS=5000 BENCH_COUPONS=300 npm run bench:claim    a quick look
//   BENCH_PROFILE=/tmp/prof npm run bench:claim  also a CPU profile of the server process
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
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
/** Every DOUBLE_TAP-th member sends two claims at once (a double tap, no Idempotency-Key): one may win. */
const DOUBLE_TAP = 10;
const EMBEDDED = process.env.BENCH_EMBEDDED === '1';
const UNION = '济南泉城软件有限公司工会';

const log = (line = '') => console.log(line);
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

interface Seeded {
  members: BulkMember[];
  /** Session cookie token and CSRF token of each member, inserted directly (20,000 logins would time the password hash, not claims). */
  sessions: { token: string; csrf: string }[];
  api: { activityId: string; prizeId: string };
  naive: { activityId: string; prizeId: string; couponId: string; validFrom: Date; validTo: Date };
}

async function seed(db: Db, keys: ReturnType<typeof randomKeys>): Promise<Seeded> {
  const crypto = createCrypto(keys);
  await seedDemo({ db });
  const [org] = await db.select({ id: orgs.id }).from(orgs).where(sql`${orgs.name} = ${UNION}`);
  const t0 = performance.now();
  const members = await insertVerifiedMembers(db, crypto, org.id, MEMBERS);
  const now = new Date();
  const api = await welfareSetup(db, crypto, org.id, now, { quantity: COUPONS });
  const naive = await insertActivity(db, org.id, now, { prizes: [{ couponId: api.coupon.id, quantity: COUPONS }], buckets: 1 });
  const list = members.map(() => ({ token: randomBytes(24).toString('base64url'), csrf: randomBytes(16).toString('base64url') }));
  for (let i = 0; i < members.length; i += 1000) {
    await db.insert(sessions).values(
      members.slice(i, i + 1000).map((m, k) => ({ id: sha256(list[i + k].token), accountId: m.accountId, csrfToken: list[i + k].csrf, expiresAt: new Date(now.getTime() + 12 * 3600_000) })),
    );
  }
  // Statistics, as a live database has them from autovacuum (the planner's picture of 20,000 new rows).
  await db.execute(sql`analyze`);
  log(`seed: ${members.length.toLocaleString('en')} verified members with sessions, an activity of ${COUPONS} coupons in ${STOCK_BUCKETS} stock buckets (API) and one of ${COUPONS} in one hot row (naive), in ${secs(performance.now() - t0)}`);
  return {
    members,
    sessions: list,
    api: { activityId: api.activity.id, prizeId: api.prizeId },
    naive: { activityId: naive.activity.id, prizeId: naive.prizeIds[0], couponId: api.coupon.id, validFrom: api.coupon.validFrom, validTo: api.coupon.validTo },
  };
}

/** The order members arrive in (shuffled), every DOUBLE_TAP-th twice at once. */
function arrivals(n: number): number[][] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order.map((m, i) => (i % DOUBLE_TAP === 0 ? [m, m] : [m]));
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
  granted: number;
  refused: Record<string, number>;
  errors: string[];
  /** ms from the first request to the last grant. */
  toSoldOutMs: number;
  totalMs: number;
  latencies: Float64Array;
}

/** 64 closed-loop workers take arrivals off one queue until every member has tried. */
async function drive(attempt: (member: number, worker: number) => Promise<'granted' | string>, doubleTaps: boolean): Promise<RunResult> {
  const queue = arrivals(MEMBERS).map((b) => (doubleTaps ? b : b.slice(0, 1)));
  let next = 0;
  let granted = 0;
  let lastGrant = 0;
  const refused: Record<string, number> = {};
  const errors: string[] = [];
  const lat: number[] = [];
  const cpu0 = cpuSnapshot ? await cpuSnapshot() : null;
  let cpuAtLastGrant = null as Promise<CpuSnapshot> | null;
  const start = performance.now();
  const one = async (m: number, w: number) => {
    const t0 = performance.now();
    const r = await attempt(m, w).catch((e: Error) => `error: ${e.message}`);
    const t1 = performance.now();
    lat.push(t1 - t0);
    if (r === 'granted') {
      granted++;
      lastGrant = t1;
      if (granted === COUPONS && cpuSnapshot) cpuAtLastGrant = cpuSnapshot();
    } else if (r.startsWith('error') || r.startsWith('HTTP')) {
      if (errors.length < 5) errors.push(r);
      refused.error = (refused.error ?? 0) + 1;
    } else refused[r] = (refused[r] ?? 0) + 1;
  };
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, w) => {
      while (next < queue.length) {
        const batch = queue[next++];
        await Promise.all(batch.map((m) => one(m, w)));
      }
    }),
  );
  const totalMs = performance.now() - start;
  const cpu1 = cpuAtLastGrant ? await cpuAtLastGrant : null;
  const cpu = cpu0 && cpu1 ? { app: cpu0.app === null || cpu1.app === null ? null : cpu1.app - cpu0.app, pg: postgresCpuDelta(cpu0.pg, cpu1.pg), load: cpu1.load - cpu0.load } : null;
  return { cpu, granted, refused, errors, toSoldOutMs: lastGrant - start, totalMs, latencies: Float64Array.from(lat).sort() };
}

/** One keep-alive connection per client, like 64 phones. */
function httpClients(port: number) {
  const agents = Array.from({ length: CLIENTS }, () => new http.Agent({ keepAlive: true, maxSockets: 2 }));
  const post = (w: number, path: string, body: unknown, cookie: string, csrf: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const payload = Buffer.from(JSON.stringify(body));
      const req = http.request(
        { host: '127.0.0.1', port, method: 'POST', path, agent: agents[w], headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json', 'content-length': payload.length } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  return { post, close: () => agents.forEach((a) => a.destroy()) };
}

async function runApi(port: number, s: Seeded): Promise<RunResult> {
  const c = httpClients(port);
  try {
    return await drive(async (m, w) => {
      const r = await c.post(w, `/api/me/activities/${s.api.activityId}/claims`, { prizeId: s.api.prizeId }, `gh_sid=${s.sessions[m].token}`, s.sessions[m].csrf);
      if (r.status === 201) return 'granted';
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
const naiveValues = (s: Seeded, m: BulkMember) => [newCouponCode(), s.naive.activityId, s.naive.prizeId, s.naive.couponId, m.personId, m.membershipId, m.accountId, s.naive.validFrom, s.naive.validTo];

async function runNaivePg(url: string, s: Seeded): Promise<RunResult> {
  const pool = new pg.Pool({ connectionString: url, max: CLIENTS });
  try {
    return await drive(async (m) => {
      const c = await pool.connect();
      try {
        await c.query('begin');
        const d = await c.query(DECREMENT, [s.naive.prizeId]);
        if (d.rowCount === 0) {
          await c.query('rollback');
          return 'CLAIM_SOLD_OUT';
        }
        await c.query(INSERT, naiveValues(s, s.members[m]));
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
async function runNaiveEmbedded(db: Db, s: Seeded): Promise<RunResult> {
  const n = s.naive;
  return drive(async (i) =>
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

/** Exactly COUPONS e-coupons for the prize, to COUPONS different people, and its stock at 0 (never below). */
async function check(db: Db, prizeId: string, what: string) {
  const [r] = rowsOf<{ n: number; people: number; codes: number }>(
    await db.execute(sql`select count(*)::int as n, count(distinct person_id)::int as people, count(distinct code)::int as codes from e_coupons where prize_id = ${prizeId}`),
  );
  const [st] = rowsOf<{ left: number; low: number }>(await db.execute(sql`select sum(remaining)::int as left, min(remaining)::int as low from prize_stock where prize_id = ${prizeId}`));
  const ok = r.n === COUPONS && r.people === COUPONS && r.codes === COUPONS && st.left === 0 && st.low === 0;
  log(`${what}: ${r.n} e-coupons to ${r.people} different members, stock left ${st.left} → ${ok ? `PASS (exactly ${COUPONS}, nobody twice)` : 'FAIL'}`);
  return ok;
}

function report(name: string, r: RunResult) {
  const rate = COUPONS / (r.toSoldOutMs / 1000);
  const refused = Object.entries(r.refused)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
  log(
    `${name.padEnd(6)} ${String(r.granted).padStart(5)} granted in ${secs(r.toSoldOutMs)} = ${rate.toFixed(0)} grants/s; all ${r.latencies.length.toLocaleString('en')} claims answered in ${secs(r.totalMs)}; p50 ${percentile(r.latencies, 50).toFixed(1)} ms, p95 ${percentile(r.latencies, 95).toFixed(1)} ms; refused: ${refused}`,
  );
  if (r.cpu) {
    const per = (sec: number | null) => (sec === null ? '–' : `${((sec * 1000) / COUPONS).toFixed(2)} ms`);
    log(`       CPU per grant, up to the last one: app ${per(r.cpu.app)}, database ${per(r.cpu.pg)}, clients ${per(r.cpu.load)}`);
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
    let naiveRun: (s: Seeded) => Promise<RunResult>;
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
      naiveRun = (s) => runNaiveEmbedded(database.db, s);
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
      naiveRun = (s) => runNaivePg(bench.url, s);
      const meter = new pg.Pool({ connectionString: bench.url, max: 1 });
      closers.push(() => meter.end());
      const app = server;
      cpuSnapshot = async () => ({ app: await childCpu(app), pg: await postgresCpu(meter, bench.name), load: ownCpu() });
    }
    const s = await seed(database.db, keys);

    log(`\nruns (each member claims once; through the API every ${DOUBLE_TAP}th sends two claims at once, which the naive design, having no per-person limit, is spared; grants/s = coupons ÷ time to the last grant)`);
    const api = await runApi(port, s);
    const apiRate = report('API', api);
    const naive = await naiveRun(s);
    const naiveRate = report('naive', naive);
    log('');
    ok = (await check(database.db, s.api.prizeId, 'API  ')) && ok;
    ok = (await check(database.db, s.naive.prizeId, 'naive')) && ok;
    ok = ok && api.errors.length === 0 && naive.errors.length === 0;
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
