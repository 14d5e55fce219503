import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { orgChanges } from './org-changes.table.js';

export type OrgChangeRow = typeof orgChanges.$inferSelect;
export type OrgChangeInsert = typeof orgChanges.$inferInsert;

export async function insertChange(db: DbOrTx, values: OrgChangeInsert): Promise<OrgChangeRow> {
  const [row] = await db.insert(orgChanges).values(values).returning();
  return row;
}

export async function findChange(db: DbOrTx, id: string): Promise<OrgChangeRow | undefined> {
  const [row] = await db.select().from(orgChanges).where(eq(orgChanges.id, id));
  return row;
}

/** The change of an organisation under review, if any (at most one: a partial unique index). */
export async function findPendingChange(db: DbOrTx, orgId: string): Promise<OrgChangeRow | undefined> {
  const [row] = await db
    .select()
    .from(orgChanges)
    .where(and(eq(orgChanges.orgId, orgId), eq(orgChanges.status, 'pending')));
  return row;
}

/** Moves a change on from the status it is expected to be in; undefined if it was not. */
export async function setChangeStatus(db: DbOrTx, id: string, from: string, values: Partial<OrgChangeInsert>): Promise<OrgChangeRow | undefined> {
  const [row] = await db
    .update(orgChanges)
    .set(values)
    .where(and(eq(orgChanges.id, id), eq(orgChanges.status, from)))
    .returning();
  return row;
}

export async function listChangesOfOrg(db: DbOrTx, orgId: string, limit = 20): Promise<OrgChangeRow[]> {
  return db.select().from(orgChanges).where(eq(orgChanges.orgId, orgId)).orderBy(desc(orgChanges.submittedAt)).limit(limit);
}

export async function listFilingsBy(db: DbOrTx, accountId: string): Promise<OrgChangeRow[]> {
  return db
    .select()
    .from(orgChanges)
    .where(and(eq(orgChanges.kind, 'filing'), eq(orgChanges.submittedBy, accountId)))
    .orderBy(desc(orgChanges.submittedAt))
    .limit(20);
}

export async function hasPendingFiling(db: DbOrTx, accountId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: orgChanges.id })
    .from(orgChanges)
    .where(and(eq(orgChanges.kind, 'filing'), eq(orgChanges.submittedBy, accountId), eq(orgChanges.status, 'pending')));
  return !!row;
}

/** Serialises filings of one account: two concurrent submissions cannot both pass the check above. */
export async function lockFilingsOf(db: DbOrTx, accountId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${'org-filing:' + accountId}))`);
}

export async function latestRevoke(db: DbOrTx, orgId: string): Promise<OrgChangeRow | undefined> {
  const [row] = await db
    .select()
    .from(orgChanges)
    .where(and(eq(orgChanges.orgId, orgId), eq(orgChanges.kind, 'revoke')))
    .orderBy(desc(orgChanges.submittedAt))
    .limit(1);
  return row;
}
