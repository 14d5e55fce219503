import { createHmac } from 'node:crypto';
import type { AuditAction } from '@gonghui/contracts';
import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { auditLog } from './audit.table.js';

/** Who did it, from where. */
export interface Actor {
  accountId: string | null;
  username: string | null;
  name: string | null;
  orgId: string | null;
  ip: string | null;
}

export interface AuditEntry {
  action: AuditAction;
  objectType?: string;
  objectId?: string | null;
  orgId?: string | null;
  result?: 'success' | 'failure';
  before?: unknown;
  after?: unknown;
}

const GENESIS = 'GENESIS';
// One chain: writers take this lock so each record links to the one before it.
const CHAIN_LOCK = 7_254_001;

/** JSON with object keys sorted at every level, so jsonb's reordering cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const plain = (v: unknown) => (v === undefined || v === null ? null : JSON.parse(canonicalJson(v)));

interface ChainedFields {
  seq: number;
  at: Date;
  actorAccountId: string | null;
  actorUsername: string | null;
  actorName: string | null;
  orgId: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  result: string;
  ip: string | null;
  before: unknown;
  after: unknown;
  prevHash: string;
}

function chainHash(key: Buffer, r: ChainedFields): string {
  return createHmac('sha256', key).update(canonicalJson({ ...r, at: r.at.toISOString() })).digest('hex');
}

/** Appends one audit record inside the caller's transaction (so it commits or rolls back with the change). */
export async function recordAudit(tx: DbOrTx, key: Buffer, actor: Actor, entry: AuditEntry): Promise<void> {
  await recordAudits(tx, key, [{ actor, entry }]);
}

/** One record to write: who did it and what. */
export interface AuditRecord {
  actor: Actor;
  entry: AuditEntry;
}

/**
 * Appends several records, chained in order, with one lock, one read of the chain's end and one
 * insert (a group commit of claims writes its batch's records this way).
 */
export async function recordAudits(tx: DbOrTx, key: Buffer, records: AuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const [last] = await tx.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS;
  const rows = records.map(({ actor, entry }) => {
    const fields: ChainedFields = {
      seq: ++seq,
      at: new Date(),
      actorAccountId: actor.accountId,
      actorUsername: actor.username,
      actorName: actor.name,
      orgId: entry.orgId !== undefined ? entry.orgId : actor.orgId,
      action: entry.action,
      objectType: entry.objectType ?? null,
      objectId: entry.objectId ?? null,
      result: entry.result ?? 'success',
      ip: actor.ip,
      before: plain(entry.before),
      after: plain(entry.after),
      prevHash,
    };
    prevHash = chainHash(key, fields);
    return { ...fields, hash: prevHash };
  });
  // Plain SQL for the batch (a welfare claim's group commit writes dozens at once): the ORM's row
  // builder cost more CPU than the rest of the write. A null is left out (SQL NULL, not JSON null).
  const json = JSON.stringify(
    rows.map((r) => ({
      seq: r.seq,
      at: r.at.toISOString(),
      actor_account_id: r.actorAccountId ?? undefined,
      actor_username: r.actorUsername ?? undefined,
      actor_name: r.actorName ?? undefined,
      org_id: r.orgId ?? undefined,
      action: r.action,
      object_type: r.objectType ?? undefined,
      object_id: r.objectId ?? undefined,
      result: r.result,
      ip: r.ip ?? undefined,
      before: r.before ?? undefined,
      after: r.after ?? undefined,
      prev_hash: r.prevHash,
      hash: r.hash,
    })),
  );
  await tx.execute(sql`
    insert into audit_log (seq, at, actor_account_id, actor_username, actor_name, org_id, action, object_type, object_id, result, ip, before, after, prev_hash, hash)
    select seq, at, actor_account_id, actor_username, actor_name, org_id, action, object_type, object_id, result, ip, before, after, prev_hash, hash
    from jsonb_to_recordset(${json}::jsonb) as r(seq bigint, at timestamptz, actor_account_id uuid, actor_username text, actor_name text, org_id uuid, action text,
      object_type text, object_id text, result text, ip text, before jsonb, after jsonb, prev_hash text, hash text)`);
}

export interface ChainVerdict {
  ok: boolean;
  checked: number;
  brokenAtSeq: number | null;
  reason: string | null;
}

/** Walks the whole chain and reports the first record that was altered, removed or inserted. */
export async function verifyAuditChain(db: Db, key: Buffer): Promise<ChainVerdict> {
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const batch = await db.select().from(auditLog).where(gt(auditLog.seq, expectedSeq - 1)).orderBy(asc(auditLog.seq)).limit(2000);
    if (batch.length === 0) return { ok: true, checked, brokenAtSeq: null, reason: null };
    for (const row of batch) {
      if (row.seq !== expectedSeq) return { ok: false, checked, brokenAtSeq: expectedSeq, reason: `缺少第 ${expectedSeq} 条记录` };
      if (row.prevHash !== prevHash) return { ok: false, checked, brokenAtSeq: row.seq, reason: `第 ${row.seq} 条记录与上一条不衔接` };
      const { hash, ...fields } = row;
      if (chainHash(key, fields as ChainedFields) !== hash) return { ok: false, checked, brokenAtSeq: row.seq, reason: `第 ${row.seq} 条记录内容被改动` };
      prevHash = hash;
      expectedSeq++;
      checked++;
    }
  }
}
