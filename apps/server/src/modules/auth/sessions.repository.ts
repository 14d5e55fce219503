import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { accounts, posts } from '../accounts/accounts.table.js';
import { orgs } from '../organisations/index.js';
import { sessions } from './auth.table.js';

export type SessionRow = typeof sessions.$inferSelect;

export async function insertSession(db: DbOrTx, values: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(values);
}

const sessionWithAccount = (db: DbOrTx) =>
  db
    .select({
      session: sessions,
      account: {
        id: accounts.id,
        username: accounts.username,
        name: accounts.name,
        status: accounts.status,
        mustChangePassword: accounts.mustChangePassword,
        passwordChangedAt: accounts.passwordChangedAt,
        totpSecretEnc: accounts.totpSecretEnc,
      },
      post: { id: posts.id, orgId: posts.orgId, orgPath: orgs.path, orgName: orgs.name, orgKind: orgs.kind, orgStatus: orgs.status, role: posts.role },
    })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .leftJoin(posts, and(eq(posts.accountId, accounts.id), isNull(posts.revokedAt)))
    .leftJoin(orgs, eq(orgs.id, posts.orgId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .orderBy(asc(orgs.depth), asc(orgs.name))
    .prepare('session_with_account');
const prepared = new WeakMap<DbOrTx, ReturnType<typeof sessionWithAccount>>();

/**
 * A session with its account and the account's posts (with their organisations), in one round
 * trip: every request resolves its session, and three lookups one after another cost a quick read
 * more than its own query. Prepared once per database; on PostgreSQL a named statement, parsed once
 * per connection and its plan reused. One row per post not revoked, or one with a null post; the
 * caller keeps those whose organisation is active.
 */
export async function findSessionWithAccount(db: DbOrTx, id: string) {
  let q = prepared.get(db);
  if (!q) prepared.set(db, (q = sessionWithAccount(db)));
  return q.execute({ id });
}

export async function touchSession(db: DbOrTx, id: string, at: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
}

export async function setActivePost(db: DbOrTx, id: string, postId: string | null): Promise<void> {
  await db.update(sessions).set({ activePostId: postId }).where(eq(sessions.id, id));
}

export async function revokeSession(db: DbOrTx, id: string): Promise<void> {
  await db.update(sessions).set({ revokedAt: sql`now()` }).where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
}

/** Ends every session of an account (disable, password change or reset), optionally but one. */
export async function revokeSessionsOfAccount(db: DbOrTx, accountId: string, exceptSessionId?: string): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.accountId, accountId), isNull(sessions.revokedAt), exceptSessionId ? ne(sessions.id, exceptSessionId) : undefined));
}
