// Importing a 100,000-row member workbook end to end through the HTTP API (upload, check,
// preview, commit, result file), against the bare limit measured in the same run: stream-parse
// the same file and COPY the same rows (encrypted, as the table keeps them) into the same tables.
// Also the server's peak memory (VmHWM of its process) during the import.
//
//   npm run bench:import            (ROWS=20000 npm run bench:import for a quicker look)
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { makeIdNumber, normalizeIdNumber, seededRandom } from '@gonghui/contracts';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { randomKeys } from '../apps/server/src/config.js';
import { createDatabase } from '../apps/server/src/db/client.js';
import { seedDemo } from '../apps/server/src/demo/seed.js';
import { templateColumns } from '../apps/server/src/modules/members/import/member-template.js';
import { createCrypto } from '../apps/server/src/platform/crypto.js';
import { hashPassword } from '../apps/server/src/platform/passwords.js';
import { createBenchDatabase } from './lib/database.js';
import { keysToJson } from './lib/keys.js';
import { SERVER_HEAP_FLAG } from '../scripts/server-heap.mjs';

const ROWS = Number(process.env.ROWS ?? 100_000);
const UNION = '济南泉城软件有限公司工会';
const USERNAME = 'quancheng_admin';
const PASSWORD = 'Bench#Import2026';
const keys = randomKeys();
const crypto = createCrypto(keys);

const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

/** The collection template filled with ROWS valid members, written as Excel writes (shared strings). */
async function makeWorkbook(path: string, unitName: string) {
  const rnd = seededRandom(20261123);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet('会员信息');
  ws.addRow(templateColumns([unitName]).map((c) => (c.required ? `*${c.header}` : c.header))).commit();
  const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
  const given = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚';
  for (let i = 0; i < ROWS; i++) {
    const sex = i % 2 ? 'male' : 'female';
    const birthDate = `${1960 + (i % 40)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    // Unique by construction: birth date × address code × sequence.
    const idNumber = makeIdNumber({ birthDate, sex, addressCode: String(370101 + Math.floor(i / 13440)), seq: (Math.floor(i / 480) % 28) * 2 + (sex === 'male' ? 1 : 0) + 100 });
    ws.addRow([
      surnames[rnd.int(0, surnames.length - 1)] + given[rnd.int(0, given.length - 1)] + given[rnd.int(0, given.length - 1)],
      '居民身份证',
      idNumber,
      sex === 'male' ? '男' : '女',
      birthDate,
      `13${String(100_000_000 + i).padStart(9, '0')}`,
      '本科',
      '非农业',
      '否',
      '初级工',
      `山东省济南市历下区泉城路${i % 500}号${i % 30}单元`,
      '会员',
      unitName,
      '2024-05-01',
      null,
    ]).commit();
  }
  ws.commit();
  await wb.commit();
}

/** The bare limit: stream-parse the same file, encrypt what the table encrypts, COPY into the same tables. */
async function bareLimit(file: string, url: string, orgId: string, unitId: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  const persons: string[] = [];
  const memberships: string[] = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(file), { sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit' });
  let n = 0;
  for await (const ws of reader) {
    for await (const row of ws) {
      if (row.number === 1) continue;
      const v = (row.values as ExcelJS.CellValue[]).slice(1).map((x) => (x == null ? '' : String(x)));
      const id = randomUUID();
      const idNumber = v[2];
      persons.push(
        [id, 'resident_id', crypto.encrypt(idNumber), crypto.blindIndex('id', normalizeIdNumber(idNumber)), v[0], v[3] === '男' ? 'male' : 'female', v[4], crypto.encrypt(v[5]), crypto.blindIndex('phone', v[5]), v[10]].join('\t'),
      );
      memberships.push([id, orgId, String(9_000_000_000 + n++), unitId, v[13], 'joined'].join('\t'));
    }
  }
  const copy = async (sql: string, lines: string[]) => pipeline(Readable.from(lines.map((l) => `${l}\n`)), client.query(copyFrom(sql)));
  await client.query('begin');
  await copy('copy persons (id, id_type, id_number_enc, id_index, name, sex, birth_date, phone_enc, phone_index, address) from stdin', persons);
  await copy('copy memberships (person_id, org_id, member_no, work_unit_id, joined_on, status) from stdin', memberships);
  await client.query('commit');
  const ms = performance.now() - started;
  await client.end();
  return ms;
}

/** A cookie-keeping client for the forked server. */
function httpClient(port: number) {
  let cookie = '';
  let csrf = '';
  const request = async (method: string, path: string, body?: unknown) => {
    const headers: Record<string, string> = { origin: `http://127.0.0.1:${port}` };
    if (cookie) headers.cookie = cookie;
    if (csrf && method !== 'GET') headers['x-csrf-token'] = csrf;
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await fetch(`http://127.0.0.1:${port}${path}`, { method, headers, body: payload });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0];
    return res;
  };
  return {
    request,
    async json(method: string, path: string, body?: unknown) {
      const res = await request(method, path, body);
      const j = (await res.json()) as Record<string, unknown>;
      if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(j)}`);
      if (typeof j.csrfToken === 'string') csrf = j.csrfToken;
      return j as Record<string, any>;
    },
  };
}

function peakRss(pid: number): number {
  const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/);
  return m ? Number(m[1]) : 0;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'gh-bench-import-'));
  const bare = await createBenchDatabase();
  const served = await createBenchDatabase();
  let server: ReturnType<typeof fork> | undefined;
  try {
    // Two identical fresh databases: one for the bare limit, one behind the server.
    const ids: Record<string, { orgId: string; unitId: string; unitName: string }> = {};
    for (const db of [bare, served]) {
      const database = await createDatabase({ databaseUrl: db.url });
      await seedDemo({ db: database.db });
      const { rows } = await database.executeSql(
        `select o.id as "orgId", w.id as "unitId", w.name as "unitName" from orgs o join work_units w on w.org_id = o.id where o.name = $1 order by w.name limit 1`,
        [UNION],
      );
      ids[db.name] = rows[0];
      await database.executeSql(`update accounts set password_hash = $1, must_change_password = false, password_changed_at = now() where username = $2`, [await hashPassword(PASSWORD), USERNAME]);
      await database.close();
    }
    const file = join(dir, 'members.xlsx');
    let t = performance.now();
    await makeWorkbook(file, ids[served.name].unitName);
    console.log(`workbook: ${ROWS} rows, ${(statSync(file).size / 1048576).toFixed(1)} MB, written in ${secs(performance.now() - t)}`);

    const bareMs = await bareLimit(file, bare.url, ids[bare.name].orgId, ids[bare.name].unitId);
    console.log(`bare limit (stream-parse + encrypt + COPY): ${secs(bareMs)}`);

    server = fork(new URL('./lib/server.ts', import.meta.url), {
      // Run as `npm start` runs it, with the same heap cap.
      execArgv: [SERVER_HEAP_FLAG, '--import', 'tsx'],
      env: { ...process.env, BENCH_LOG_LEVEL: 'warn', BENCH_SERVER: JSON.stringify({ databaseUrl: served.url, keys: keysToJson(keys) }) },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const port = await new Promise<number>((resolve) => server!.once('message', (m: { port: number }) => resolve(m.port)));
    const pool = new pg.Pool({ connectionString: served.url, max: 2 });
    const c = httpClient(port);
    const { captchaId } = await c.json('GET', '/api/auth/captcha');
    const { rows: [cap] } = await pool.query('select answer from captchas where id = $1', [captchaId]);
    await c.json('POST', '/api/auth/login', { username: USERNAME, password: PASSWORD, captchaId, captchaAnswer: cap.answer });
    await pool.end();
    const idleRss = peakRss(server.pid!);

    const wait = async (taskId: string, until: string[]) => {
      for (;;) {
        const task = await c.json('GET', `/api/member-imports/${taskId}`);
        if (until.includes(task.status)) return task;
        if (task.status === 'failed') throw new Error(`task failed: ${task.error}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const phases: [string, number, number][] = [];
    const started = performance.now();
    t = started;
    const form = new FormData();
    form.append('file', new Blob([readFileSync(file)]), 'members.xlsx');
    const { task } = await c.json('POST', `/api/orgs/${ids[served.name].orgId}/member-imports`, form);
    phases.push(['upload (store encrypted, zip checks)', performance.now() - t, peakRss(server.pid!)]);
    t = performance.now();
    const ready = await wait(task.id, ['ready']);
    phases.push(['check (parse, validate, stage, classify)', performance.now() - t, peakRss(server.pid!)]);
    t = performance.now();
    await c.json('GET', `/api/member-imports/${task.id}/rows?page=1&pageSize=20`);
    await c.json('GET', `/api/member-imports/${task.id}/rows?verdict=error&page=1&pageSize=20`);
    phases.push(['preview (two pages)', performance.now() - t, peakRss(server.pid!)]);
    t = performance.now();
    await c.json('POST', `/api/member-imports/${task.id}/commit`, {});
    const done = await wait(task.id, ['done']);
    phases.push(['commit (one transaction)', performance.now() - t, peakRss(server.pid!)]);
    t = performance.now();
    const res = await c.request('GET', `/api/member-imports/${task.id}/result`);
    let resultBytes = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) resultBytes += chunk.length;
    phases.push([`result workbook (${(resultBytes / 1048576).toFixed(1)} MB)`, performance.now() - t, peakRss(server.pid!)]);
    const totalMs = performance.now() - started;
    const peak = peakRss(server.pid!);

    console.log(`\nimport through the API (${ROWS} rows; preview said new ${ready.counts.new}, error ${ready.counts.error}; committed new ${done.counts.new}):`);
    for (const [name, ms, rss] of phases) console.log(`  ${name.padEnd(44)} ${secs(ms).padStart(9)}   peak RSS so far ${mb(rss)}`);
    console.log(`  ${'total'.padEnd(44)} ${secs(totalMs)}`);
    const ratio = totalMs / bareMs;
    console.log(`\nratio end-to-end / bare limit: ${ratio.toFixed(2)}x (target <= 2x) ${ratio <= 2 ? 'PASS' : 'FAIL'}`);
    console.log(`server peak RSS: ${mb(peak)} (idle after start ${mb(idleRss)}; target < 500 MB) ${peak < 500 * 1024 ? 'PASS' : 'FAIL'}`);
    if (done.counts.new !== ROWS) console.log(`WARNING: expected ${ROWS} new members, got ${done.counts.new}`);
  } finally {
    if (server) {
      server.kill('SIGTERM');
      await new Promise((r) => server!.once('exit', r));
    }
    await bare.drop();
    await served.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
