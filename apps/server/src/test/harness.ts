import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import * as OTPAuth from 'otpauth';
import pg from 'pg';
import { buildApp } from '../app.js';
import { baseConfig, type Config } from '../config.js';
import { createDatabase, type Database } from '../db/client.js';
import { DEMO_PASSWORD, seedDemo } from '../demo/seed.js';
import { captchas } from '../modules/auth/auth.table.js';
import { SmsSimulator } from '../modules/integrations/sms/sms.simulator.js';
import { StatisticsSimulator } from '../modules/integrations/statistics/statistics.simulator.js';
import { orgs } from '../modules/organisations/organisations.table.js';
import { createDeps } from '../runtime.js';
import type { Deps } from '../platform/deps.js';

/** The password test helpers give demo accounts after their forced first change. */
export const STRONG_PASSWORD = 'Gonghui#2026ok';

/**
 * A fresh database for one test file: in-memory PGlite by default, or a new database on the
 * PostgreSQL server named by DATABASE_URL (created here, dropped in close()).
 */
async function freshDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) return { database: await createDatabase({}), drop: async () => {} };
  const name = `gh_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await createDatabase({ databaseUrl: u.toString() });
  return {
    database,
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      // pool.end() can resolve while its sockets are still closing: wait for them rather than
      // force them (a forced drop makes those closing clients raise unhandled FATAL errors).
      for (let i = 0; i < 50; i++) {
        const { rows } = await c.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if (rows[0].n === 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface TestContext {
  app: FastifyInstance;
  deps: Deps;
  sms: SmsSimulator;
  statistics: StatisticsSimulator;
  clock: { advance(ms: number): void };
  orgId(name: string): Promise<string>;
  /** The answer to a captcha, read from the server's store as only a test may. */
  captchaAnswer(captchaId: string): Promise<string>;
  client(): TestClient;
  /** A fresh TOTP code for an account this harness enrolled, never one already used. */
  totpCode(username: string): string | null;
  /** A logged-in client for a demo account, its default password already changed. */
  as(username: string): Promise<TestClient>;
  close(): Promise<void>;
}

export async function createTestContext(overrides: Partial<Config> = {}): Promise<TestContext> {
  const { database, drop } = await freshDatabase();
  // Uploaded files go to a folder of this test's own, removed on close.
  const dataDir = mkdtempSync(join(tmpdir(), 'gh-test-'));
  const config = baseConfig({ dataDir, ...overrides });
  const sms = new SmsSimulator({ latencyMs: [0, 2] });
  const statistics = new StatisticsSimulator({ latencyMs: [0, 2] });
  let offset = 0;
  // Second factors the harness enrolled, so logins of platform operators can answer them.
  const totp = new Map<string, { secret: string; lastStep: number }>();
  const { deps, stop } = await createDeps(database, config, { sms, statistics, now: () => new Date(Date.now() + offset) });
  await seedDemo(deps);
  const app = await buildApp(deps);
  const ctx: TestContext = {
    app,
    deps,
    sms,
    statistics,
    clock: { advance: (ms) => void (offset += ms) },
    async orgId(name) {
      const [row] = await deps.db.select({ id: orgs.id }).from(orgs).where(eq(orgs.name, name));
      if (!row) throw new Error(`no org ${name}`);
      return row.id;
    },
    async captchaAnswer(captchaId) {
      const [row] = await deps.db.select().from(captchas).where(eq(captchas.id, captchaId));
      return row.answer;
    },
    client: () => new TestClient(app, deps, ctx),
    totpCode(username) {
      const e = totp.get(username.toLowerCase());
      if (!e) return null;
      // A code is good once per 30-second step: move the clock on rather than replay one.
      let step = Math.floor(deps.now().getTime() / 30_000);
      if (step <= e.lastStep) {
        offset += (e.lastStep + 1 - step) * 30_000;
        step = e.lastStep + 1;
      }
      e.lastStep = step;
      return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(e.secret) }).generate({ timestamp: step * 30_000 + 1000 });
    },
    async as(username) {
      const c = new TestClient(app, deps, ctx);
      let r = await c.login(username, DEMO_PASSWORD);
      if (r.statusCode === 200) {
        r = await c.post('/api/auth/change-password', { currentPassword: DEMO_PASSWORD, newPassword: STRONG_PASSWORD });
        if (r.statusCode !== 200) throw new Error(`password change failed: ${r.body}`);
      } else {
        r = await c.login(username, STRONG_PASSWORD);
        if (r.statusCode !== 200) throw new Error(`login ${username} failed: ${r.body}`);
      }
      const info = r.json();
      if (info.totpRequired && !info.totpEnabled) {
        const { secret } = (await c.post('/api/me/totp/setup')).json();
        totp.set(username.toLowerCase(), { secret, lastStep: 0 });
        const enabled = await c.post('/api/me/totp/enable', { code: ctx.totpCode(username) });
        if (enabled.statusCode !== 200) throw new Error(`TOTP enrolment failed: ${enabled.body}`);
      }
      return c;
    },
    async close() {
      await app.close();
      await stop();
      await database.close();
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return ctx;
}

/** A browser-like client: keeps the session cookie and sends the CSRF token on writes. */
export class TestClient {
  cookie: string | null = null;
  csrf: string | null = null;
  constructor(
    private readonly app: FastifyInstance,
    private readonly deps: Deps,
    private readonly ctx?: TestContext,
  ) {}

  /** A captcha and its answer, read from the server's store as only a test may. */
  async captcha(): Promise<{ captchaId: string; captchaAnswer: string }> {
    const r = await this.get('/api/auth/captcha');
    const { captchaId } = r.json();
    const [row] = await this.deps.db.select().from(captchas).where(eq(captchas.id, captchaId));
    return { captchaId, captchaAnswer: row.answer };
  }

  /** Logs in; for an account the harness enrolled in TOTP, answers the second factor too. */
  async login(username: string, password: string): Promise<LightMyRequestResponse> {
    const totpCode = this.ctx?.totpCode(username) ?? undefined;
    return this.post('/api/auth/login', { username, password, ...(totpCode ? { totpCode } : {}), ...(await this.captcha()) });
  }

  async request(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}) {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET' && !('x-csrf-token' in h)) h['x-csrf-token'] = this.csrf;
    const res = await this.app.inject({ method, url, payload: body as never, headers: h });
    const set = res.cookies.find((c) => c.name === 'gh_sid');
    if (set) this.cookie = set.value ? `gh_sid=${set.value}` : null;
    if (res.statusCode < 300 && String(res.headers['content-type'] ?? '').includes('json')) {
      const j = res.json() as { csrfToken?: string };
      if (j && typeof j === 'object' && 'csrfToken' in j && j.csrfToken) this.csrf = j.csrfToken;
    }
    return res;
  }
  /** Posts one file as multipart/form-data, the way a browser's file input does. */
  upload(url: string, file: Buffer, filename = '会员信息采集表.xlsx', field = 'file') {
    const boundary = `----gh${randomBytes(8).toString('hex')}`;
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return this.request('POST', url, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
  }
  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, undefined, headers);
  post = (url: string, body?: unknown, headers?: Record<string, string>) => this.request('POST', url, body ?? {}, headers);
  patch = (url: string, body?: unknown, headers?: Record<string, string>) => this.request('PATCH', url, body ?? {}, headers);
}
