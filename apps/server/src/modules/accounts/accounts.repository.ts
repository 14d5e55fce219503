import { and, asc, count, desc, eq, exists, ilike, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { escapeLike, orgInScope, orgs } from '../organisations/index.js';
import { accounts, activationCodes, posts } from './accounts.table.js';

export type AccountRow = typeof accounts.$inferSelect;
export type AccountInsert = typeof accounts.$inferInsert;

export async function findAccountByUsername(db: DbOrTx, username: string): Promise<AccountRow | undefined> {
  const [row] = await db.select().from(accounts).where(sql`lower(${accounts.username}) = lower(${username})`);
  return row;
}

/** Accounts registered with this phone (blind index); the member app logs in by phone. */
export async function findAccountsByPhoneIndex(db: DbOrTx, phoneIndex: string): Promise<AccountRow[]> {
  return db.select().from(accounts).where(eq(accounts.phoneIndex, phoneIndex)).limit(2);
}

export async function findAccount(db: DbOrTx, id: string): Promise<AccountRow | undefined> {
  const [row] = await db.select().from(accounts).where(eq(accounts.id, id));
  return row;
}

export async function insertAccount(db: DbOrTx, values: AccountInsert): Promise<AccountRow> {
  const [row] = await db.insert(accounts).values(values).returning();
  return row;
}

export async function updateAccount(db: DbOrTx, id: string, patch: Partial<AccountInsert>): Promise<AccountRow> {
  const [row] = await db.update(accounts).set({ ...patch, updatedAt: new Date() }).where(eq(accounts.id, id)).returning();
  return row;
}

/** Counts a failed login atomically and locks the account when the limit is reached. */
export async function registerFailedLogin(db: DbOrTx, id: string, maxFailures: number, lockUntil: Date): Promise<{ locked: boolean }> {
  const [row] = await db
    .update(accounts)
    .set({
      failedLogins: sql`case when ${accounts.failedLogins} + 1 >= ${maxFailures} then 0 else ${accounts.failedLogins} + 1 end`,
      lockedUntil: sql`case when ${accounts.failedLogins} + 1 >= ${maxFailures} then ${lockUntil.toISOString()}::timestamptz else ${accounts.lockedUntil} end`,
    })
    .where(eq(accounts.id, id))
    .returning({ lockedUntil: accounts.lockedUntil });
  return { locked: !!row?.lockedUntil && row.lockedUntil.getTime() === lockUntil.getTime() };
}

/** Records a used TOTP step; false when this step (or a later one) was already used: a replay. */
export async function advanceTotpStep(db: DbOrTx, id: string, step: number): Promise<boolean> {
  const rows = await db
    .update(accounts)
    .set({ totpLastStep: step })
    .where(and(eq(accounts.id, id), sql`(${accounts.totpLastStep} is null or ${accounts.totpLastStep} < ${step})`))
    .returning({ id: accounts.id });
  return rows.length === 1;
}

export interface PostWithOrg {
  id: string;
  orgId: string;
  orgPath: string;
  orgName: string;
  orgKind: string;
  role: string;
}

/** The account's posts that still stand, at organisations that still exist and are active. */
export async function listActivePosts(db: DbOrTx, accountId: string): Promise<PostWithOrg[]> {
  return db
    .select({ id: posts.id, orgId: posts.orgId, orgPath: orgs.path, orgName: orgs.name, orgKind: orgs.kind, role: posts.role })
    .from(posts)
    .innerJoin(orgs, eq(orgs.id, posts.orgId))
    .where(and(eq(posts.accountId, accountId), isNull(posts.revokedAt), eq(orgs.status, 'active')))
    .orderBy(asc(orgs.depth), asc(orgs.name));
}

export async function insertPost(db: DbOrTx, values: typeof posts.$inferInsert) {
  const [row] = await db.insert(posts).values(values).returning();
  return row;
}

export async function findPostInScope(db: DbOrTx, id: string, scopePath: string) {
  const [row] = await db
    .select()
    .from(posts)
    .where(and(eq(posts.id, id), isNull(posts.revokedAt), orgInScope(posts.orgId, scopePath)));
  return row;
}

export async function revokePost(db: DbOrTx, id: string) {
  await db.update(posts).set({ revokedAt: new Date() }).where(eq(posts.id, id));
}

export async function listOrgPosts(db: DbOrTx, orgId: string) {
  return db
    .select({ id: posts.id, accountId: accounts.id, username: accounts.username, name: accounts.name, role: posts.role, createdAt: posts.createdAt })
    .from(posts)
    .innerJoin(accounts, eq(accounts.id, posts.accountId))
    .where(and(eq(posts.orgId, orgId), isNull(posts.revokedAt)))
    .orderBy(asc(posts.createdAt));
}

const holdsPostInScope = (scopePath: string) =>
  exists(sql`(select 1 from ${posts} p where p.account_id = ${accounts.id} and p.revoked_at is null and ${orgInScope(sql`p.org_id`, scopePath)})`);

/** Accounts holding at least one post in the subtree. */
export async function searchAccounts(db: DbOrTx, scopePath: string, f: { q?: string; status?: string; page: number; pageSize: number }) {
  const where = and(
    holdsPostInScope(scopePath),
    f.q ? or(ilike(accounts.username, `%${escapeLike(f.q)}%`), ilike(accounts.name, `%${escapeLike(f.q)}%`)) : undefined,
    f.status ? eq(accounts.status, f.status) : undefined,
  );
  const [{ total }] = await db.select({ total: count() }).from(accounts).where(where);
  const items = await db
    .select()
    .from(accounts)
    .where(where)
    .orderBy(desc(accounts.createdAt), asc(accounts.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { items, total };
}

/** The account if it holds a post in the subtree. */
export async function findAccountInScope(db: DbOrTx, id: string, scopePath: string): Promise<AccountRow | undefined> {
  const [row] = await db.select().from(accounts).where(and(eq(accounts.id, id), holdsPostInScope(scopePath)));
  return row;
}

/** Posts held by these accounts, with organisation names, for list views. */
export async function postsOfAccounts(db: DbOrTx, accountIds: string[]) {
  if (accountIds.length === 0) return [];
  return db
    .select({ accountId: posts.accountId, id: posts.id, orgId: posts.orgId, orgName: orgs.name, orgPath: orgs.path, role: posts.role })
    .from(posts)
    .innerJoin(orgs, eq(orgs.id, posts.orgId))
    .where(and(sql`${posts.accountId} in ${accountIds}`, isNull(posts.revokedAt)));
}

export async function insertActivationCode(db: DbOrTx, values: typeof activationCodes.$inferInsert) {
  const [row] = await db.insert(activationCodes).values(values).returning();
  return row;
}

const codeColumns = {
  id: activationCodes.id,
  orgId: activationCodes.orgId,
  orgName: orgs.name,
  role: activationCodes.role,
  codeHint: activationCodes.codeHint,
  expiresAt: activationCodes.expiresAt,
  createdAt: activationCodes.createdAt,
  usedAt: activationCodes.usedAt,
  revokedAt: activationCodes.revokedAt,
  note: activationCodes.note,
  createdByName: sql<string>`(select a.name from accounts a where a.id = "activation_codes"."created_by")`,
  usedByName: sql<string | null>`(select a.name from accounts a where a.id = "activation_codes"."used_by")`,
};
export interface ActivationCodeView {
  id: string;
  orgId: string;
  orgName: string;
  role: string;
  codeHint: string;
  expiresAt: Date;
  createdAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
  note: string | null;
  createdByName: string;
  usedByName: string | null;
}

export async function listActivationCodes(db: DbOrTx, orgId: string, page: number, pageSize: number) {
  const [{ total }] = await db.select({ total: count() }).from(activationCodes).where(eq(activationCodes.orgId, orgId));
  const items = await db
    .select(codeColumns)
    .from(activationCodes)
    .innerJoin(orgs, eq(orgs.id, activationCodes.orgId))
    .where(eq(activationCodes.orgId, orgId))
    .orderBy(desc(activationCodes.createdAt))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { items: items as ActivationCodeView[], total };
}

export async function findActivationCodeInScope(db: DbOrTx, id: string, scopePath: string): Promise<ActivationCodeView | undefined> {
  const [row] = await db
    .select(codeColumns)
    .from(activationCodes)
    .innerJoin(orgs, eq(orgs.id, activationCodes.orgId))
    .where(and(eq(activationCodes.id, id), orgInScope(activationCodes.orgId, scopePath)));
  return row as ActivationCodeView | undefined;
}

export async function revokeActivationCode(db: DbOrTx, id: string): Promise<boolean> {
  const rows = await db
    .update(activationCodes)
    .set({ revokedAt: new Date() })
    .where(and(eq(activationCodes.id, id), isNull(activationCodes.usedAt), isNull(activationCodes.revokedAt)))
    .returning({ id: activationCodes.id });
  return rows.length === 1;
}

/** Consumes a code exactly once: only an unused, unrevoked, unexpired code matches. */
export async function consumeActivationCode(db: DbOrTx, codeHash: string, accountId: string, now: Date) {
  const [row] = await db
    .update(activationCodes)
    .set({ usedAt: now, usedBy: accountId })
    .where(
      and(
        eq(activationCodes.codeHash, codeHash),
        isNull(activationCodes.usedAt),
        isNull(activationCodes.revokedAt),
        sql`${activationCodes.expiresAt} > ${now.toISOString()}::timestamptz`,
      ),
    )
    .returning();
  return row;
}
