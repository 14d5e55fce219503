import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default(join(repoRoot, '.data')),
  /** Keys as base64 (32 bytes each). Missing in development: generated once into DATA_DIR/keys.json. */
  GH_DATA_KEYS: z.string().optional(),
  GH_INDEX_KEY: z.string().optional(),
  GH_AUDIT_KEY: z.string().optional(),
  DEMO_SEED: z.enum(['true', 'false']).default('true'),
  /** How many members the demo federation gets on first start. */
  DEMO_MEMBERS: z.coerce.number().int().min(0).max(2_000_000).default(20_000),
  SMS_MODE: z.enum(['simulator']).default('simulator'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
  /** Days a review step may wait before it is reported to the reviewer's upper union. */
  REVIEW_OVERDUE_DAYS: z.coerce.number().int().min(1).max(365).default(5),
});

export interface Keys {
  /** Data-encryption keys by id; the current one encrypts, all decrypt (rotation). */
  dataKeys: Record<string, Buffer>;
  currentDataKeyId: string;
  /** Blind-index key for exact lookups of encrypted values. */
  indexKey: Buffer;
  /** Audit-chain HMAC key. */
  auditKey: Buffer;
}

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl?: string;
  /** PGlite data folder; undefined means in-memory (tests). */
  pgliteDir?: string;
  dataDir: string;
  keys: Keys;
  demoSeed: boolean;
  demoMembers: number;
  smsMode: 'simulator';
  logLevel: string;
  adminDist: string;
  session: { idleMs: number; absoluteMs: number };
  lockout: { maxFailures: number; lockMs: number };
  passwordMaxAgeDays: number;
  /** Days a review step may wait before it is reported to the reviewer's upper union. */
  reviewOverdueDays: number;
  rateLimits: { global: number; login: number; sms: number };
  cookieSecure: boolean;
  /** Where logs go (tests capture them to prove nothing personal is logged); stdout when absent. */
  logStream?: NodeJS.WritableStream;
}

const b64key = (v: string, name: string) => {
  const buf = Buffer.from(v, 'base64');
  if (buf.length !== 32) throw new Error(`${name} must be 32 bytes in base64`);
  return buf;
};

/** Keys from the environment, or a key file created once beside the embedded database. */
function loadKeys(env: z.infer<typeof envSchema>): Keys {
  if (env.GH_DATA_KEYS && env.GH_INDEX_KEY && env.GH_AUDIT_KEY) {
    // GH_DATA_KEYS: "v2:BASE64,v1:BASE64" — the first one is current.
    const pairs = env.GH_DATA_KEYS.split(',').map((p) => p.split(':') as [string, string]);
    return {
      dataKeys: Object.fromEntries(pairs.map(([id, k]) => [id, b64key(k, 'GH_DATA_KEYS')])),
      currentDataKeyId: pairs[0][0],
      indexKey: b64key(env.GH_INDEX_KEY, 'GH_INDEX_KEY'),
      auditKey: b64key(env.GH_AUDIT_KEY, 'GH_AUDIT_KEY'),
    };
  }
  if (env.NODE_ENV === 'production') throw new Error('GH_DATA_KEYS, GH_INDEX_KEY and GH_AUDIT_KEY are required in production');
  const file = join(env.DATA_DIR, 'keys.json');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    const gen = () => randomBytes(32).toString('base64');
    writeFileSync(file, JSON.stringify({ data: { v1: gen() }, current: 'v1', index: gen(), audit: gen() }), { mode: 0o600 });
  }
  const k = JSON.parse(readFileSync(file, 'utf8'));
  return {
    dataKeys: Object.fromEntries(Object.entries(k.data as Record<string, string>).map(([id, v]) => [id, b64key(v, 'data key')])),
    currentDataKeyId: k.current,
    indexKey: b64key(k.index, 'index key'),
    auditKey: b64key(k.audit, 'audit key'),
  };
}

/** Fresh random keys, for tests. */
export function randomKeys(): Keys {
  return { dataKeys: { v1: randomBytes(32) }, currentDataKeyId: 'v1', indexKey: randomBytes(32), auditKey: randomBytes(32) };
}

export function baseConfig(overrides: Partial<Config> = {}): Config {
  return {
    env: 'test',
    port: 0,
    host: '127.0.0.1',
    dataDir: join(repoRoot, '.data'),
    keys: randomKeys(),
    demoSeed: false,
    demoMembers: 0,
    smsMode: 'simulator',
    logLevel: 'silent',
    adminDist: join(repoRoot, 'apps/admin/dist'),
    session: { idleMs: 30 * 60_000, absoluteMs: 12 * 3600_000 },
    lockout: { maxFailures: 5, lockMs: 15 * 60_000 },
    passwordMaxAgeDays: 90,
    reviewOverdueDays: 5,
    rateLimits: { global: 1200, login: 30, sms: 10 },
    cookieSecure: false,
    ...overrides,
  };
}

/** Reads and checks the environment. */
export function loadConfig(raw: NodeJS.ProcessEnv = process.env): Config {
  const env = envSchema.parse(raw);
  return baseConfig({
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    pgliteDir: env.DATABASE_URL ? undefined : join(env.DATA_DIR, 'pglite'),
    dataDir: env.DATA_DIR,
    keys: loadKeys(env),
    demoSeed: env.DEMO_SEED === 'true',
    demoMembers: env.DEMO_MEMBERS,
    smsMode: env.SMS_MODE,
    logLevel: env.LOG_LEVEL,
    reviewOverdueDays: env.REVIEW_OVERDUE_DAYS,
    cookieSecure: env.NODE_ENV === 'production',
  });
}
