import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.table.js';
import { persons, memberships } from '../members/members.table.js';
import { memberImports } from '../members/import/member-imports.table.js';
import { orgs } from '../organisations/organisations.table.js';

/** A member's move from one base union to another, under review (转会). */
export const memberTransfers = pgTable(
  'member_transfers',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    fromMembershipId: uuid('from_membership_id')
      .notNull()
      .references(() => memberships.id),
    fromOrgId: uuid('from_org_id')
      .notNull()
      .references(() => orgs.id),
    toOrgId: uuid('to_org_id')
      .notNull()
      .references(() => orgs.id),
    source: text('source').notNull(),
    importId: uuid('import_id').references(() => memberImports.id),
    status: text('status').notNull(),
    /** The membership's status before it became `transferring`, put back on return or withdrawal. */
    previousStatus: text('previous_status').notNull(),
    reason: text('reason').notNull(),
    newMembershipId: uuid('new_membership_id').references(() => memberships.id),
    submittedBy: uuid('submitted_by').references(() => accounts.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    // One transfer under review per person at a time.
    uniqueIndex('member_transfers_pending_uq').on(t.personId).where(sql`${t.status} = 'pending'`),
    index('member_transfers_from_idx').on(t.fromOrgId, t.submittedAt),
    index('member_transfers_to_idx').on(t.toOrgId, t.submittedAt),
  ],
);

/**
 * A person's own request to join a union or to transfer into one (seed 000 §2.4), reviewed by
 * the target base union. The numbers are encrypted like a person's.
 */
export const memberApplications = pgTable(
  'member_applications',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    applicantAccountId: uuid('applicant_account_id')
      .notNull()
      .references(() => accounts.id),
    kind: text('kind').notNull(),
    targetOrgId: uuid('target_org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    idType: text('id_type').notNull(),
    idNumberEnc: text('id_number_enc').notNull(),
    idIndex: text('id_index').notNull(),
    phoneEnc: text('phone_enc').notNull(),
    phoneIndex: text('phone_index').notNull(),
    workUnitName: text('work_unit_name').notNull(),
    reason: text('reason'),
    status: text('status').notNull(),
    membershipId: uuid('membership_id').references(() => memberships.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    // One application under review per applicant.
    uniqueIndex('member_applications_pending_uq').on(t.applicantAccountId).where(sql`${t.status} = 'pending'`),
    index('member_applications_target_idx').on(t.targetOrgId, t.status),
  ],
);
