// Member queries at scale: 1,000,000 members in 20,000 unions on PostgreSQL, each query through the
// HTTP API (login, scope, masking) with 16 concurrent clients, against the same SQL sent straight
// to the database over a pool in the same run (the bare limit). Absolute times drift on a shared
// machine; the ratio is what to compare between runs. Prints; never fails the build.
//
//   npm run bench:query                      full size
//   BENCH_MEMBERS=100000 BENCH_UNIONS=2000 BENCH_SECONDS=5 npm run bench:query   a quick look
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { maskIdNumber, memberSearchQuerySchema, normalizeIdNumber } from '@gonghui/contracts';
import pg from 'pg';
import { baseConfig, randomKeys } from '../apps/server/src/config.js';
import { createDatabase } from '../apps/server/src/db/client.js';
import { seedDemo } from '../apps/server/src/demo/seed.js';
import { SmsSimulator } from '../apps/server/src/modules/integrations/sms/sms.simulator.js';
import * as repo from '../apps/server/src/modules/members/members.repository.js';
import { memberSearchOf } from '../apps/server/src/modules/members/members.service.js';
import { hashPassword } from '../apps/server/src/platform/passwords.js';
import { plainDeps } from './lib/app-deps.js';
import { createBenchDatabase } from './lib/database.js';
import { keysToJson } from './lib/keys.js';
import { childCpu, ownCpu, postgresCpu, postgresCpuDelta } from './lib/cpu.js';
import { closedLoop, HttpClient, percentile, type LoadResult, type Measure } from './lib/load.js';
import { recordingDb, replay, type Statement } from './lib/replay.js';
import { seedBench } from './lib/seed.js';

const num = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const MEMBERS = num('BENCH_MEMBERS', 1_000_000);
const UNIONS = num('BENCH_UNIONS', 20_000);
const ZIPF = num('BENCH_ZIPF', 0.7);
const SECONDS = num('BENCH_SECONDS', 10);
const WARMUP_SECONDS = num('BENCH_WARMUP', 2);
const CLIENTS = 16;
const PAGE_SIZE = 20;
/** Distinct requests per query kind (cycled through during the run). */
const SAMPLES = num('BENCH_SAMPLES', 1000);
const P95_LIMIT_MS = 10;
const RATIO_LIMIT = 0.4;

const USERNAME = 'bench_operator';
const PASSWORD = 'Bench#Query2026';

const log = (line = '') => console.log(line);

interface Kind {
  name: string;
  what: string;
  /** Query strings of the sample requests, as the console would send them. */
  queries: Record<string, string | number>[];
}

async function main() {
  const started = performance.now();
  log(`member-query benchmark: ${MEMBERS.toLocaleString('en')} members, ${UNIONS.toLocaleString('en')} base unions, ${CLIENTS} clients, ${SECONDS} s per run`);
  log(`machine: ${os.cpus().length} cores, Node ${process.version}`);
  const bench = await createBenchDatabase();
  log(`database: ${bench.name}`);
  let server: ReturnType<typeof fork> | undefined;
  const closers: (() => Promise<unknown>)[] = [];
  try {
    const keys = randomKeys();
    const database = await createDatabase({ databaseUrl: bench.url });
    closers.push(() => database.close());
    const deps = plainDeps(database, baseConfig({ keys }), new SmsSimulator());
    const pool = new pg.Pool({ connectionString: bench.url, max: CLIENTS });
    closers.push(() => pool.end());
    const { rows: [{ version }] } = await pool.query<{ version: string }>('select version()');
    log(`server: ${version.split(' on ')[0]}`);

    // ---- seed ----
    log('\nseeding');
    const seedStart = performance.now();
    await seedDemo(deps);
    const seeded = await seedBench(pool, { unions: UNIONS, members: MEMBERS, zipf: ZIPF, seed: 20261123, keys, log });
    const seedSeconds = (performance.now() - seedStart) / 1000;
    const { rows: [counts] } = await pool.query<{ unions: number; members: number }>(
      `select (select count(*)::int from orgs where kind in ('base_union', 'joint_union')) as unions, (select count(*)::int from memberships) as members`,
    );
    log(`seed: ${counts.members.toLocaleString('en')} members in ${counts.unions.toLocaleString('en')} base unions in ${seedSeconds.toFixed(1)} s (${seeded.members} generated)`);
    const { rows: sizes } = await pool.query<{ n: number }>(`select count(*)::int as n from memberships group by org_id order by 1 desc`);
    const q = (p: number) => sizes[Math.floor((p / 100) * (sizes.length - 1))]?.n;
    log(`union sizes: largest ${sizes.slice(0, 5).map((s) => s.n).join(', ')}; ${sizes.filter((s) => s.n >= 1000).length} unions ≥ 1000; median ${q(50)}, smallest ${sizes.at(-1)?.n}`);

    // ---- the caller: an operator at the district holding the largest union ----
    const { rows: [largest] } = await pool.query<{ path: string }>(
      `select o.path from memberships m join orgs o on o.id = m.org_id group by o.id order by count(*) desc limit 1`,
    );
    const districtId = largest.path.split('/')[2];
    const { rows: [district] } = await pool.query<{ id: string; path: string; name: string }>(`select id, path, name from orgs where id = $1`, [districtId]);
    const { rows: [acc] } = await pool.query<{ id: string }>(
      `insert into accounts (username, name, password_hash, must_change_password, password_changed_at) values ($1, '基准测试业务管理员', $2, false, now()) returning id`,
      [USERNAME, await hashPassword(PASSWORD)],
    );
    await pool.query(`insert into posts (account_id, org_id, role) values ($1, $2, 'operator')`, [acc.id, district.id]);
    const { rows: [inScope] } = await pool.query<{ n: number; u: number }>(
      `select count(*)::int as n, count(distinct m.org_id)::int as u from memberships m join orgs o on o.id = m.org_id where o.path like $1`,
      [`${district.path}%`],
    );
    log(`caller: ${USERNAME}, operator at ${district.name} (scope: ${inScope.n.toLocaleString('en')} members in ${inScope.u} unions)`);

    // ---- sample requests ----
    const scope = `${district.path}%`;
    const { rows: big } = await pool.query<{ id: string; n: number }>(
      `select m.org_id as id, count(*)::int as n from memberships m join orgs o on o.id = m.org_id where o.path like $1 group by m.org_id order by 2 desc limit 5`,
      [scope],
    );
    const { rows: anyUnions } = await pool.query<{ id: string }>(
      `select o.id from orgs o where o.path like $1 and o.kind in ('base_union', 'joint_union') and exists (select 1 from memberships m where m.org_id = o.id) order by random() limit $2`,
      [scope, SAMPLES],
    );
    const { rows: idRows } = await pool.query<{ enc: string }>(
      `select p.id_number_enc as enc from memberships m join persons p on p.id = m.person_id join orgs o on o.id = m.org_id where o.path like $1 order by random() limit $2`,
      [scope, SAMPLES],
    );
    const nameUnions = [...big.map((b) => b.id), ...anyUnions.slice(0, 200).map((u) => u.id)];
    const { rows: nameRows } = await pool.query<{ org: string; name: string }>(
      `select m.org_id as org, p.name from memberships m join persons p on p.id = m.person_id where m.org_id = any($1::uuid[]) order by random() limit $2`,
      [nameUnions, SAMPLES * 4],
    );
    // Half the name searches in the five largest unions, half elsewhere; one or two characters.
    const bigSet = new Set(big.map((b) => b.id));
    const inBig = nameRows.filter((r) => bigSet.has(r.org));
    const elsewhere = nameRows.filter((r) => !bigSet.has(r.org));
    const nameSamples = Array.from({ length: SAMPLES }, (_, i) => {
      const from = i % 2 === 0 && inBig.length ? inBig : elsewhere.length ? elsewhere : inBig;
      const r = from[Math.floor(i / 2) % from.length];
      return { orgId: r.org, name: r.name.slice(0, 1 + ((i >> 1) % 2)), page: 1, pageSize: PAGE_SIZE };
    });
    const kinds: Kind[] = [
      {
        name: 'list p1',
        what: 'first page of a random union in scope',
        queries: anyUnions.map((u) => ({ orgId: u.id, page: 1, pageSize: PAGE_SIZE })),
      },
      {
        name: 'list deep',
        what: `random page of the 5 largest unions (${big.map((b) => b.n).join('/')} members)`,
        queries: Array.from({ length: SAMPLES }, (_, i) => {
          const b = big[i % big.length];
          return { orgId: b.id, page: 1 + Math.floor(Math.random() * Math.ceil(b.n / PAGE_SIZE)), pageSize: PAGE_SIZE };
        }),
      },
      {
        name: 'id lookup',
        what: 'exact resident ID of a random member, whole scope',
        queries: idRows.map((r) => ({ idNumber: deps.crypto.decrypt(r.enc), page: 1, pageSize: PAGE_SIZE })),
      },
      {
        name: 'name prefix',
        what: '1–2 leading characters within a union (half in the 5 largest)',
        queries: nameSamples,
      },
    ];

    // ---- the statements the repository sends for each sample (also warms the cache) ----
    const rec = await recordingDb(bench.url);
    closers.push(() => rec.close());
    const statements = new Map<string, Statement[][]>();
    for (const k of kinds) {
      const t = performance.now();
      const list: Statement[][] = [];
      for (const query of k.queries) {
        const parsed = memberSearchQuerySchema.parse(query);
        list.push(await rec.record((db) => repo.searchMembers(db, district.path, { ...memberSearchOf(deps, parsed), page: parsed.page, pageSize: parsed.pageSize })));
      }
      statements.set(k.name, list);
      const perReq = list.reduce((s, l) => s + l.length, 0) / list.length;
      log(`captured ${k.name}: ${list.length} requests, ${perReq.toFixed(1)} statements each (${((performance.now() - t) / list.length).toFixed(2)} ms/request one at a time)`);
    }

    // ---- the app ----
    server = fork(new URL('./lib/server.ts', import.meta.url), {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, BENCH_SERVER: JSON.stringify({ databaseUrl: bench.url, keys: keysToJson(keys) }) },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const port = await new Promise<number>((resolve, reject) => {
      server!.once('message', (m: { port: number }) => resolve(m.port));
      server!.once('exit', (code) => reject(new Error(`server exited (${code})`)));
    });
    log(`\napp: listening on 127.0.0.1:${port} (separate process)`);
    const clients = await Promise.all(Array.from({ length: CLIENTS }, () => login(port, pool)));
    closers.push(async () => clients.forEach((c) => c.close()));
    log(`${CLIENTS} sessions logged in`);
    await verify(clients[0], kinds, big);

    // ---- runs ----
    const results: { kind: Kind; http: LoadResult; direct: LoadResult }[] = [];
    for (const kind of kinds) {
      const urls = kind.queries.map((query) => `/api/members?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`);
      const stmts = statements.get(kind.name)!;
      const direct = await closedLoop(
        CLIENTS,
        WARMUP_SECONDS * 1000,
        SECONDS * 1000,
        async (_c, i) => {
          await replay(pool, stmts[i % stmts.length]);
          return true;
        },
        cpuMeter(pool, bench.name),
      );
      const http = await closedLoop(CLIENTS, WARMUP_SECONDS * 1000, SECONDS * 1000, (c, i) => clients[c].ok(urls[i % urls.length]), cpuMeter(pool, bench.name, server));
      results.push({ kind, http, direct });
      log(`ran ${kind.name}: http ${http.perSecond.toFixed(0)}/s, direct ${direct.perSecond.toFixed(0)}/s${http.errors ? `, ${http.errors} HTTP errors` : ''}`);
    }

    // ---- report ----
    log('\nresults (HTTP: through the API with session, scope, masking; direct: the same statements over a pg pool)');
    const head = ['query', 'p50 ms', 'p95 ms', 'p99 ms', 'http/s', 'direct/s', 'ratio', 'direct p95', `p95<${P95_LIMIT_MS}ms`, `ratio≥${RATIO_LIMIT}`];
    const rows = results.map(({ kind, http, direct }) => {
      const p95 = percentile(http.latencies, 95);
      const ratio = http.perSecond / direct.perSecond;
      return [
        kind.name,
        percentile(http.latencies, 50).toFixed(2),
        p95.toFixed(2),
        percentile(http.latencies, 99).toFixed(2),
        http.perSecond.toFixed(0),
        direct.perSecond.toFixed(0),
        ratio.toFixed(2),
        percentile(direct.latencies, 95).toFixed(2),
        p95 < P95_LIMIT_MS && http.errors === 0 ? 'PASS' : 'FAIL',
        ratio >= RATIO_LIMIT ? 'PASS' : 'FAIL',
      ];
    });
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
    log(line(head));
    for (const r of rows) log(line(r));
    for (const { kind, http } of results) log(`  ${kind.name}: ${kind.what}${http.errors ? `; ${http.errors} requests failed` : ''}`);
    // Where the time goes, in CPU per request (unlike wall time, hardly moved by what else runs).
    // With every core busy, Little's law bounds the mean latency from below: clients × CPU per request / cores.
    const cores = os.cpus().length;
    log(`\nCPU ms per request (app = the server process, pg = its database backends, load = this process sending);`);
    log(`floor = the least mean latency ${CLIENTS} clients can see on ${cores} cores at that CPU per request`);
    const cpuOf = (r: LoadResult, k: string) => {
      const v = r.measured[k];
      return v === null || v === undefined ? null : (v * 1000) / (r.perSecond * SECONDS);
    };
    const ms = (v: number | null) => (v === null ? '–' : v.toFixed(2));
    const floor = (r: LoadResult, keys: string[]) => {
      const parts = keys.map((k) => cpuOf(r, k));
      return parts.includes(null) ? null : (CLIENTS * parts.reduce((a, b) => a! + b!, 0)!) / cores;
    };
    const cpuHead = ['query', 'http app', 'http pg', 'http load', 'http floor', 'direct pg', 'direct load', 'direct floor'];
    const cpuRows = results.map(({ kind, http, direct }) => [
      kind.name,
      ms(cpuOf(http, 'app')),
      ms(cpuOf(http, 'pg')),
      ms(cpuOf(http, 'load')),
      ms(floor(http, ['app', 'pg', 'load'])),
      ms(cpuOf(direct, 'pg')),
      ms(cpuOf(direct, 'load')),
      ms(floor(direct, ['pg', 'load'])),
    ]);
    const cw = cpuHead.map((h, i) => Math.max(h.length, ...cpuRows.map((r) => r[i].length)));
    const cline = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(cw[i]) : c.padStart(cw[i]))).join('  ');
    log(cline(cpuHead));
    for (const r of cpuRows) log(cline(r));
    const failed = rows.filter((r) => r.slice(-2).includes('FAIL')).length;
    log(`\n${failed === 0 ? 'ALL PASS' : `${failed} of ${rows.length} queries FAIL`} (seed ${seedSeconds.toFixed(1)} s, whole run ${((performance.now() - started) / 1000).toFixed(0)} s)`);
  } finally {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server!.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
    for (const close of closers.reverse()) await close().catch(() => {});
    await bench.drop();
    log(`dropped ${bench.name}`);
  }
}

/** CPU seconds spent in the measured window by this process, the database's backends and (if given) the app. */
function cpuMeter(pool: pg.Pool, database: string, app?: ChildProcess): Measure {
  return async () => {
    const [app0, pg0, load0] = [app ? await childCpu(app) : null, await postgresCpu(pool, database), ownCpu()];
    return async () => {
      const load1 = ownCpu();
      const [app1, pg1] = [app ? await childCpu(app) : null, await postgresCpu(pool, database)];
      return { app: app0 === null || app1 === null ? null : app1 - app0, pg: postgresCpuDelta(pg0, pg1), load: load1 - load0 };
    };
  };
}

/** A new session for the benchmark's operator, through the captcha like anyone (the answer read from the store). */
async function login(port: number, pool: pg.Pool): Promise<HttpClient> {
  const c = new HttpClient(port);
  const cap = await c.request('GET', '/api/auth/captcha');
  const { captchaId } = JSON.parse(cap.body.toString()) as { captchaId: string };
  const { rows: [row] } = await pool.query<{ answer: string }>('select answer from captchas where id = $1', [captchaId]);
  const r = await c.request('POST', '/api/auth/login', { username: USERNAME, password: PASSWORD, captchaId, captchaAnswer: row.answer });
  if (r.status !== 200) throw new Error(`login failed: ${r.status} ${r.body}`);
  const set = [r.headers['set-cookie'] ?? []].flat().find((s) => s.startsWith('gh_sid='));
  c.cookie = set!.split(';')[0];
  return c;
}

/** One request of each kind, checked: right members, numbers masked, totals that add up. */
async function verify(c: HttpClient, kinds: Kind[], big: { id: string; n: number }[]) {
  type Page = { items: { name: string; orgId: string; idNumberMasked: string; phoneMasked: string | null }[]; total: number };
  const get = async (query: Record<string, string | number>) => {
    const r = await c.request('GET', `/api/members?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`);
    if (r.status !== 200) throw new Error(`GET /api/members answered ${r.status}: ${r.body}`);
    return JSON.parse(r.body.toString()) as Page;
  };
  const check = (ok: boolean, what: string) => {
    if (!ok) throw new Error(`check failed: ${what}`);
  };
  const last = await get({ orgId: big[0].id, page: Math.ceil(big[0].n / PAGE_SIZE), pageSize: PAGE_SIZE });
  check(last.total === big[0].n && last.items.length === big[0].n - (Math.ceil(big[0].n / PAGE_SIZE) - 1) * PAGE_SIZE, 'last page of the largest union');
  check(last.items.every((m) => m.orgId === big[0].id && /^\d{4}\*{10}[\dX]{4}$/.test(m.idNumberMasked) && /^\d{3}\*{4}\d{4}$/.test(m.phoneMasked ?? '')), 'masked numbers');
  const id = String(kinds.find((k) => k.name === 'id lookup')!.queries[0].idNumber);
  const found = await get({ idNumber: id, page: 1, pageSize: PAGE_SIZE });
  check(found.total === 1 && found.items[0].idNumberMasked === maskIdNumber(normalizeIdNumber(id)), 'ID lookup finds its one member, masked');
  const nq = kinds.find((k) => k.name === 'name prefix')!.queries[0];
  const named = await get(nq);
  check(named.total > 0 && named.items.every((m) => m.name.startsWith(String(nq.name)) && m.orgId === nq.orgId), 'name prefix within the union');
  console.log('responses checked: pages and totals, masks, ID and name matches');
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
