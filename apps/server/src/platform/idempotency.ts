import { createHash } from 'node:crypto';
import { IDEMPOTENCY_HEADER, idempotencyKeySchema } from '@gonghui/contracts';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db, Tx } from '../db/client.js';
import { canonicalJson } from './audit/audit.js';
import { AppError } from './errors.js';
import { idempotencyKeys } from './idempotency.table.js';

/**
 * `Idempotency-Key` (SECURITY.md, reliability): a retry by the same account with the same key
 * and the same request gets the first answer again (status and body), without doing the work
 * twice; the same key with a different request is refused; keys are forgotten after a day.
 *
 * How duplicates that arrive together are kept from both executing: the key row is inserted
 * first, in the same transaction as the work. A duplicate's insert then waits on the primary key
 * until the first transaction ends: if it committed, the insert does nothing and the duplicate
 * reads the stored answer; if it rolled back (a refusal), the duplicate does the work itself.
 * Only successful answers are kept: a refusal changes nothing, so a retry is simply judged again.
 */

/** How long an answer is replayed; older keys are purged and may be used again. */
export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;

export interface IdempotentRequest {
  accountId: string;
  key: string;
  /** Method, route, parameters and body, hashed: a reused key with another request is caught. */
  requestHash: string;
}

export interface Answer<T> {
  status: number;
  body: T;
  /** True when this is the stored first answer, not a fresh one. */
  replayed: boolean;
}

/**
 * The request's idempotency scope, or null when it carries no key (the work then simply runs once
 * per request). A malformed key is refused rather than ignored: the client meant to be safe.
 */
export function idempotencyOf(req: FastifyRequest, accountId: string): IdempotentRequest | null {
  const raw = req.headers[IDEMPOTENCY_HEADER];
  if (raw === undefined) return null;
  const parsed = idempotencyKeySchema.safeParse(Array.isArray(raw) ? raw.join(',') : raw);
  if (!parsed.success) throw new AppError('IDEMPOTENCY_KEY_INVALID');
  const route = req.routeOptions.url ?? req.url.split('?')[0];
  const requestHash = createHash('sha256')
    .update(`${req.method} ${route}\n${canonicalJson(req.params ?? {})}\n${canonicalJson(req.body ?? {})}`)
    .digest('base64url');
  return { accountId, key: parsed.data, requestHash };
}

/** Marks a key whose first request is still running (a real answer always has a 2xx status). */
export const IN_FLIGHT = 0;

/**
 * Runs `work` in one transaction that also records its answer under the key, or replays the
 * answer recorded for the same key. `status` is the HTTP status of a fresh success.
 */
export async function idempotently<T>(db: Db, now: Date, request: IdempotentRequest | null, status: number, work: (tx: Tx) => Promise<T>): Promise<Answer<T>> {
  if (!request) return { status, body: await db.transaction(work), replayed: false };
  const stored = await findLive(db, request, now);
  if (stored) return replay<T>(stored, request);
  return db.transaction((tx) => idempotentlyIn(tx, now, request, status, work));
}

/** As idempotently, inside a transaction the caller has opened (a claim's, in its group commit). */
export async function idempotentlyIn<T>(tx: Tx, now: Date, request: IdempotentRequest | null, status: number, work: (tx: Tx) => Promise<T>): Promise<Answer<T>> {
  if (!request) return { status, body: await work(tx), replayed: false };
  // Claim the key; an expired row under the same key is taken over. Blocks while another
  // transaction holds the same key uncommitted (see above).
  const claimed = await tx
    .insert(idempotencyKeys)
    .values({ accountId: request.accountId, key: request.key, requestHash: request.requestHash, statusCode: IN_FLIGHT, body: {}, createdAt: now })
    .onConflictDoUpdate({
      target: [idempotencyKeys.accountId, idempotencyKeys.key],
      set: { requestHash: request.requestHash, statusCode: IN_FLIGHT, body: {}, createdAt: now },
      setWhere: lt(idempotencyKeys.createdAt, expiredBefore(now)),
    })
    .returning({ key: idempotencyKeys.key });
  if (claimed.length === 0) {
    const first = await findLive(tx, request, now);
    if (!first) throw new AppError('INTERNAL');
    return replay<T>(first, request);
  }
  const body = await work(tx);
  await tx
    .update(idempotencyKeys)
    .set({ statusCode: status, body: asStored(body) })
    .where(and(eq(idempotencyKeys.accountId, request.accountId), eq(idempotencyKeys.key, request.key)));
  return { status, body, replayed: false };
}

/** What the client would receive, as JSON (dates as strings), so a replay is byte-for-byte the same answer. */
export function asStored(body: unknown): object {
  return JSON.parse(JSON.stringify(body)) as object;
}

/** Keys created before this are expired: forgotten, and free to be used again. */
export function expiredBefore(now: Date): Date {
  return new Date(now.getTime() - IDEMPOTENCY_TTL_MS);
}

/** The answer stored for this key, to replay, or null (a key reused for another request is refused). */
export async function storedAnswer<T>(db: Db | Tx, now: Date, request: IdempotentRequest): Promise<Answer<T> | null> {
  const stored = await findLive(db, request, now);
  return stored ? replay<T>(stored, request) : null;
}

async function findLive(db: Db | Tx, request: IdempotentRequest, now: Date) {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.accountId, request.accountId),
        eq(idempotencyKeys.key, request.key),
        sql`${idempotencyKeys.createdAt} >= ${expiredBefore(now)}`,
      ),
    );
  return row;
}

/** A stored row's answer for a retry: refused if the key came with another request, or is still in flight. */
export function replay<T>(row: Pick<typeof idempotencyKeys.$inferSelect, 'requestHash' | 'statusCode' | 'body'>, request: IdempotentRequest): Answer<T> {
  if (row.requestHash !== request.requestHash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
  // The in-flight marker is only ever written inside a transaction that overwrites it before
  // committing, so no reader should see it; never replay a placeholder if one somehow does.
  if (row.statusCode === IN_FLIGHT) throw new AppError('CONFLICT', undefined, '相同的请求正在处理中，请稍候刷新查看结果');
  return { status: row.statusCode, body: row.body as T, replayed: true };
}

/** Forgets answers older than a day. */
export async function purgeExpiredIdempotencyKeys(db: Db, now: Date): Promise<number> {
  const gone = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, expiredBefore(now)))
    .returning({ key: idempotencyKeys.key });
  return gone.length;
}

/** Purges expired keys at start-up and every hour. */
export function startIdempotencyPurge(db: Db, now: () => Date): { stop(): void } {
  const run = () => purgeExpiredIdempotencyKeys(db, now()).catch((e) => console.error('idempotency purge failed:', (e as Error).message));
  const first = setTimeout(run, 10_000);
  const timer = setInterval(run, 3600_000);
  first.unref();
  timer.unref();
  return { stop: () => (clearTimeout(first), clearInterval(timer)) };
}
