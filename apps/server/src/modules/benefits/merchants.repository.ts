import { and, count, desc, eq, ilike, isNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { escapeLike, orgInScope, orgs } from '../organisations/index.js';
import { merchants, merchantStaff } from './benefits.table.js';

export type MerchantRecord = typeof merchants.$inferSelect;
export interface MerchantView extends MerchantRecord {
  orgName: string;
  staffCount: number;
}

// The outer row named explicitly: drizzle leaves a selected column unqualified in a one-table select.
const liveStaff = sql<number>`(select count(*)::int from ${merchantStaff} ms where ms.merchant_id = "merchants"."id" and ms.revoked_at is null)`;
const viewColumns = { m: merchants, orgName: orgs.name, staffCount: liveStaff };
const toView = (r: { m: MerchantRecord; orgName: string; staffCount: number }): MerchantView => ({ ...r.m, orgName: r.orgName, staffCount: Number(r.staffCount) });

export async function insertMerchant(db: DbOrTx, values: typeof merchants.$inferInsert): Promise<MerchantRecord> {
  const [row] = await db.insert(merchants).values(values).returning();
  return row;
}

/** A merchant of an organisation in the caller's subtree, locked for update when `lock`. */
export async function findMerchantInScope(db: DbOrTx, id: string, scopePath: string, lock = false): Promise<MerchantRecord | undefined> {
  const q = db
    .select()
    .from(merchants)
    .where(and(eq(merchants.id, id), orgInScope(merchants.orgId, scopePath)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function findMerchant(db: DbOrTx, id: string): Promise<MerchantRecord | undefined> {
  const [row] = await db.select().from(merchants).where(eq(merchants.id, id));
  return row;
}

export async function merchantView(db: DbOrTx, id: string): Promise<MerchantView> {
  const [row] = await db.select(viewColumns).from(merchants).innerJoin(orgs, eq(orgs.id, merchants.orgId)).where(eq(merchants.id, id));
  return toView(row);
}

/** Updates only when the version is the one the editor saw; undefined when it is stale. */
export async function updateMerchant(db: DbOrTx, id: string, version: number, values: Partial<typeof merchants.$inferInsert>): Promise<MerchantRecord | undefined> {
  const [row] = await db
    .update(merchants)
    .set({ ...values, version: sql`${merchants.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(merchants.id, id), eq(merchants.version, version)))
    .returning();
  return row;
}

export async function listMerchants(db: DbOrTx, scopePath: string, f: { q?: string; status?: string; kind?: string; page: number; pageSize: number }) {
  const where: SQL[] = [orgInScope(merchants.orgId, scopePath)];
  if (f.q) where.push(ilike(merchants.name, `%${escapeLike(f.q)}%`));
  if (f.status) where.push(eq(merchants.status, f.status));
  if (f.kind) where.push(eq(merchants.kind, f.kind));
  const cond = and(...where);
  const rows = await db
    .select(viewColumns)
    .from(merchants)
    .innerJoin(orgs, eq(orgs.id, merchants.orgId))
    .where(cond)
    .orderBy(desc(merchants.createdAt), desc(merchants.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [{ n }] = await db.select({ n: count() }).from(merchants).where(cond);
  return { items: rows.map(toView), total: n };
}

// ---- staff

export type StaffRecord = typeof merchantStaff.$inferSelect;

export async function insertStaff(db: DbOrTx, values: typeof merchantStaff.$inferInsert): Promise<StaffRecord> {
  const [row] = await db.insert(merchantStaff).values(values).returning();
  return row;
}

export async function listStaff(db: DbOrTx, merchantId: string): Promise<StaffRecord[]> {
  return db.select().from(merchantStaff).where(eq(merchantStaff.merchantId, merchantId)).orderBy(desc(merchantStaff.createdAt));
}

export async function findStaff(db: DbOrTx, merchantId: string, staffId: string): Promise<StaffRecord | undefined> {
  const [row] = await db
    .select()
    .from(merchantStaff)
    .where(and(eq(merchantStaff.id, staffId), eq(merchantStaff.merchantId, merchantId)));
  return row;
}

export async function revokeStaff(db: DbOrTx, staffId: string, at: Date): Promise<StaffRecord | undefined> {
  const [row] = await db
    .update(merchantStaff)
    .set({ revokedAt: at })
    .where(and(eq(merchantStaff.id, staffId), isNull(merchantStaff.revokedAt)))
    .returning();
  return row;
}

/** The live staff row of an account (an account serves one merchant at a time). */
export async function liveStaffOfAccount(db: DbOrTx, accountId: string): Promise<StaffRecord | undefined> {
  const [row] = await db
    .select()
    .from(merchantStaff)
    .where(and(eq(merchantStaff.accountId, accountId), isNull(merchantStaff.revokedAt)));
  return row;
}
