import type { MembershipStatus } from '@gonghui/contracts';
import { and, count, desc, eq, gt, inArray, sql, type Placeholder } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { memberships, persons } from '../members/members.table.js';
import { orgInScope, orgs, workUnits } from '../organisations/index.js';
import { memberConsents, memberVerifications, phoneChangeRequests, verificationAttempts } from './member-app.table.js';

export type VerificationRow = typeof memberVerifications.$inferSelect;
export type PhoneChangeRow = typeof phoneChangeRequests.$inferSelect;

const live = ['pending', 'approved'];

/** The account's newest verification, whatever its state. */
export async function latestVerificationOf(db: DbOrTx, accountId: string): Promise<VerificationRow | undefined> {
  const [row] = await db.select().from(memberVerifications).where(eq(memberVerifications.accountId, accountId)).orderBy(desc(memberVerifications.submittedAt)).limit(1);
  return row;
}

/** The pending or approved claim on this account, or on this person. */
export async function liveVerificationOfAccount(db: DbOrTx, accountId: string): Promise<VerificationRow | undefined> {
  const [row] = await db.select().from(memberVerifications).where(and(eq(memberVerifications.accountId, accountId), inArray(memberVerifications.status, live)));
  return row;
}
export async function liveVerificationOfPerson(db: DbOrTx, personId: string): Promise<VerificationRow | undefined> {
  const [row] = await db.select().from(memberVerifications).where(and(eq(memberVerifications.personId, personId), inArray(memberVerifications.status, live)));
  return row;
}

export async function approvedVerificationOf(db: DbOrTx, accountId: string): Promise<VerificationRow | undefined> {
  const [row] = await db.select().from(memberVerifications).where(and(eq(memberVerifications.accountId, accountId), eq(memberVerifications.status, 'approved')));
  return row;
}

export async function insertVerification(db: DbOrTx, values: typeof memberVerifications.$inferInsert): Promise<VerificationRow> {
  const [row] = await db.insert(memberVerifications).values(values).returning();
  return row;
}

export async function lockVerification(db: DbOrTx, id: string): Promise<VerificationRow | undefined> {
  const [row] = await db.select().from(memberVerifications).where(eq(memberVerifications.id, id)).for('update');
  return row;
}

/** Moves a verification on from `from` only; false if someone else moved it first. */
export async function setVerificationStatus(db: DbOrTx, id: string, from: string, patch: Partial<typeof memberVerifications.$inferInsert>): Promise<boolean> {
  const rows = await db
    .update(memberVerifications)
    .set(patch)
    .where(and(eq(memberVerifications.id, id), eq(memberVerifications.status, from)))
    .returning({ id: memberVerifications.id });
  return rows.length === 1;
}

export async function countAttemptsSince(db: DbOrTx, accountId: string, since: Date): Promise<number> {
  const [{ n }] = await db
    .select({ n: count() })
    .from(verificationAttempts)
    .where(and(eq(verificationAttempts.accountId, accountId), gt(verificationAttempts.at, since)));
  return n;
}

export async function insertAttempt(db: DbOrTx, accountId: string, at: Date): Promise<void> {
  await db.insert(verificationAttempts).values({ accountId, at });
}

export async function insertConsent(db: DbOrTx, values: typeof memberConsents.$inferInsert): Promise<void> {
  await db.insert(memberConsents).values(values);
}

export async function listConsents(db: DbOrTx, accountId: string) {
  return db
    .select({ c: memberConsents, orgName: orgs.name })
    .from(memberConsents)
    .leftJoin(orgs, eq(orgs.id, memberConsents.recipientOrgId))
    .where(eq(memberConsents.accountId, accountId))
    .orderBy(desc(memberConsents.consentedAt));
}

/** A person's membership that has not ended, with its person, union and work unit. */
export async function currentMembershipOfPerson(db: DbOrTx, personId: string) {
  const [row] = await db
    .select({ m: memberships, p: persons, orgName: orgs.name, orgPath: orgs.path, workUnitName: workUnits.name })
    .from(memberships)
    .innerJoin(persons, eq(persons.id, memberships.personId))
    .innerJoin(orgs, eq(orgs.id, memberships.orgId))
    .leftJoin(workUnits, eq(workUnits.id, memberships.workUnitId))
    .where(and(eq(memberships.personId, personId), sql`${memberships.status} <> 'transferred_out'`));
  return row;
}

/** A membership by id with its person and union (the card token names one). */
export async function membershipWithPerson(db: DbOrTx, membershipId: string) {
  const [row] = await db
    .select({ m: memberships, p: persons, orgName: orgs.name })
    .from(memberships)
    .innerJoin(persons, eq(persons.id, memberships.personId))
    .innerJoin(orgs, eq(orgs.id, memberships.orgId))
    .where(eq(memberships.id, membershipId));
  return row;
}

/** The membership, if its union lies in the caller's subtree. */
export async function membershipInScope(db: DbOrTx, membershipId: string, scopePath: string) {
  const [row] = await db
    .select({ id: memberships.id, personId: memberships.personId, orgId: memberships.orgId })
    .from(memberships)
    .where(and(eq(memberships.id, membershipId), orgInScope(memberships.orgId, scopePath)));
  return row;
}

export async function insertPhoneChange(db: DbOrTx, values: typeof phoneChangeRequests.$inferInsert): Promise<PhoneChangeRow> {
  const [row] = await db.insert(phoneChangeRequests).values(values).returning();
  return row;
}

export async function lockPhoneChange(db: DbOrTx, id: string): Promise<PhoneChangeRow | undefined> {
  const [row] = await db.select().from(phoneChangeRequests).where(eq(phoneChangeRequests.id, id)).for('update');
  return row;
}

export async function setPhoneChangeStatus(db: DbOrTx, id: string, status: string, at: Date): Promise<void> {
  await db.update(phoneChangeRequests).set({ status, decidedAt: at }).where(eq(phoneChangeRequests.id, id));
}

/** A logged-in account's real-name-verified person and the membership that has not ended. */
export interface VerifiedMember {
  personId: string;
  name: string;
  membershipId: string;
  membershipStatus: MembershipStatus;
  orgId: string;
  orgPath: string;
  orgName: string;
}

/**
 * Who an account is as a member, as a subquery other queries can join (a welfare claim reads it
 * with the activity and the prize in one round trip): the person whose verification is approved
 * (工会会员认证) and their membership that has not ended. Its columns are named apart, with a
 * prefix of their own: the query around it names them unqualified. `accountId` may be a placeholder of a prepared statement.
 */
export function verifiedMemberSubquery(db: DbOrTx, accountId: string | Placeholder) {
  return db
    .select({
      personId: sql<string>`${persons.id}`.as('verified_person_id'),
      name: sql<string>`${persons.name}`.as('verified_person_name'),
      membershipId: sql<string>`${memberships.id}`.as('verified_membership_id'),
      membershipStatus: sql<MembershipStatus>`${memberships.status}`.as('verified_membership_status'),
      orgId: sql<string>`${orgs.id}`.as('verified_org_id'),
      orgPath: sql<string>`${orgs.path}`.as('verified_org_path'),
      orgName: sql<string>`${orgs.name}`.as('verified_org_name'),
    })
    .from(memberVerifications)
    .innerJoin(persons, eq(persons.id, memberVerifications.personId))
    .innerJoin(memberships, and(eq(memberships.personId, persons.id), sql`${memberships.status} <> 'transferred_out'`))
    .innerJoin(orgs, eq(orgs.id, memberships.orgId))
    // 'approved' written into the statement, not bound: a prepared statement's generic plan can
    // then use the partial index of live verifications by account (a bound value cannot prove it).
    .where(and(eq(memberVerifications.accountId, accountId), sql`${memberVerifications.status} = 'approved'`))
    .limit(1)
    .as('verified_member');
}

/**
 * Who an account is as a member, in one query: undefined unless its verification is approved.
 * The membership may be in any state that has not ended; callers decide which states entitle to
 * what (the card shows more of them than a welfare claim accepts).
 */
export async function verifiedMemberOf(db: DbOrTx, accountId: string): Promise<VerifiedMember | undefined> {
  const m = verifiedMemberSubquery(db, accountId);
  const [row] = await db.select().from(m);
  return row;
}
