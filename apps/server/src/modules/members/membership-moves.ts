import { normalizeIdNumber, type MembershipStatus } from '@gonghui/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Crypto } from '../../platform/crypto.js';
import { orgs } from '../organisations/index.js';
import * as repo from './members.repository.js';
import { memberships, persons } from './members.table.js';

/**
 * The membership changes other flows make (transfers, applications), each with its history
 * event. Every change is conditional on the status it expects, so two flows racing over one
 * member cannot both succeed.
 */

/** Statuses a member may transfer from: active, or retained (retired members move too). */
export const transferableStatuses: readonly MembershipStatus[] = ['joined', 'transferred_in', 'retained'];

export interface CurrentMember {
  personId: string;
  personName: string;
  idNumberEnc: string;
  membershipId: string;
  orgId: string;
  orgName: string;
  orgPath: string;
  memberNo: string;
  status: MembershipStatus;
  version: number;
}

const currentColumns = {
  personId: persons.id,
  personName: persons.name,
  idNumberEnc: persons.idNumberEnc,
  membershipId: memberships.id,
  orgId: memberships.orgId,
  orgName: orgs.name,
  orgPath: orgs.path,
  memberNo: memberships.memberNo,
  status: memberships.status,
  version: memberships.version,
};

/** A person found by document (blind index), with their current membership if any. */
export async function findPersonWithMembership(db: DbOrTx, crypto: Crypto, idType: string, idNumber: string) {
  const person = await repo.findPersonByDocument(db, idType, crypto.blindIndex('id', normalizeIdNumber(idNumber)));
  if (!person) return null;
  const [current] = await db
    .select(currentColumns)
    .from(memberships)
    .innerJoin(persons, eq(persons.id, memberships.personId))
    .innerJoin(orgs, eq(orgs.id, memberships.orgId))
    .where(and(eq(memberships.personId, person.id), sql`${memberships.status} <> 'transferred_out'`));
  return { person, current: (current as CurrentMember | undefined) ?? null };
}

export async function findCurrentMember(db: DbOrTx, membershipId: string): Promise<CurrentMember | undefined> {
  const [row] = await db
    .select(currentColumns)
    .from(memberships)
    .innerJoin(persons, eq(persons.id, memberships.personId))
    .innerJoin(orgs, eq(orgs.id, memberships.orgId))
    .where(eq(memberships.id, membershipId));
  return row as CurrentMember | undefined;
}

/** Moves a membership from one of `from` to `to`, with its event; false if it was no longer in `from`. */
export async function moveStatus(
  db: DbOrTx,
  m: { membershipId: string; from: readonly MembershipStatus[]; to: MembershipStatus; on: string; reason: string; accountId: string | null },
): Promise<MembershipStatus | null> {
  const [before] = await db
    .select({ status: memberships.status })
    .from(memberships)
    .where(and(eq(memberships.id, m.membershipId), inArray(memberships.status, [...m.from])))
    .for('update');
  if (!before) return null;
  await db
    .update(memberships)
    .set({ status: m.to, version: sql`${memberships.version} + 1`, updatedAt: sql`now()` })
    .where(eq(memberships.id, m.membershipId));
  await repo.insertEvent(db, { membershipId: m.membershipId, fromStatus: before.status, toStatus: m.to, on: m.on, reason: m.reason, actorAccountId: m.accountId });
  return before.status as MembershipStatus;
}

/** Opens a membership in a union (a transfer's arrival, an approved application), with its event. */
export async function openMembership(
  db: DbOrTx,
  m: { personId: string; orgId: string; status: 'joined' | 'transferred_in'; on: string; reason: string; accountId: string | null },
): Promise<{ id: string; memberNo: string }> {
  const row = await repo.insertMembership(db, { personId: m.personId, orgId: m.orgId, memberNo: await repo.nextMemberNo(db), joinedOn: m.on, status: m.status });
  await repo.insertEvent(db, { membershipId: row.id, fromStatus: null, toStatus: m.status, on: m.on, reason: m.reason, actorAccountId: m.accountId });
  return { id: row.id, memberNo: row.memberNo };
}

export { findPersonByDocument, insertPerson, updatePerson } from './members.repository.js';
