import type { MembershipStatus } from '@gonghui/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { memberships, persons } from '../members/members.table.js';
import { orgs } from '../organisations/index.js';
import { memberVerifications } from './member-app.table.js';

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
 * Who an account is as a member, in one query: undefined unless its verification is approved
 * (工会会员认证). The membership may be in any state that has not ended; callers decide which
 * states entitle to what (the card shows more of them than a welfare claim accepts).
 */
export async function verifiedMemberOf(db: DbOrTx, accountId: string): Promise<VerifiedMember | undefined> {
  const [row] = await db
    .select({
      personId: persons.id,
      name: persons.name,
      membershipId: memberships.id,
      membershipStatus: memberships.status,
      orgId: orgs.id,
      orgPath: orgs.path,
      orgName: orgs.name,
    })
    .from(memberVerifications)
    .innerJoin(persons, eq(persons.id, memberVerifications.personId))
    .innerJoin(memberships, and(eq(memberships.personId, persons.id), sql`${memberships.status} <> 'transferred_out'`))
    .innerJoin(orgs, eq(orgs.id, memberships.orgId))
    .where(and(eq(memberVerifications.accountId, accountId), eq(memberVerifications.status, 'approved')))
    .limit(1);
  return row ? { ...row, membershipStatus: row.membershipStatus as MembershipStatus } : undefined;
}
