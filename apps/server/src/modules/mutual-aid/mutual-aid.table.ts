import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgSequence, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.table.js';
import { memberships, persons } from '../members/members.table.js';
import { orgs } from '../organisations/organisations.table.js';

/** A yearly mutual-aid plan (互助保障年度计划), set by the city's association. Amounts in fen. */
export const mutualAidPlans = pgTable(
  'mutual_aid_plans',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    coverage: text('coverage').notNull(),
    contributionFen: integer('contribution_fen').notNull(),
    enrolFrom: date('enrol_from').notNull(),
    enrolTo: date('enrol_to').notNull(),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('mutual_aid_plans_year_uq').on(t.year), check('mutual_aid_plans_contribution_ck', sql`${t.contributionFen} > 0`)],
);

/** Contract numbers (合同编号), one per approved enrolment. */
export const mutualAidContractSeq = pgSequence('mutual_aid_contract_seq', { startWith: 1, increment: 1 });

/**
 * A unit's enrolment for a year (单位入会, or 补充入会 for members who came later), under review
 * by its upper union. The list is frozen in `mutual_aid_enrolment_members` at submission; the
 * count and amount are kept here so the association's totals need no join.
 */
export const mutualAidEnrolments = pgTable(
  'mutual_aid_enrolments',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    planId: uuid('plan_id')
      .notNull()
      .references(() => mutualAidPlans.id),
    year: integer('year').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    kind: text('kind').notNull(),
    /** pending → approved | returned | withdrawn; returned → pending. */
    status: text('status').notNull(),
    memberCount: integer('member_count').notNull(),
    contributionFen: integer('contribution_fen').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    operatorName: text('operator_name').notNull(),
    /** The operator's mobile, encrypted like every phone; shown masked. */
    operatorPhoneEnc: text('operator_phone_enc').notNull(),
    note: text('note'),
    submittedBy: uuid('submitted_by').references(() => accounts.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** Set on approval, with the cover period the contract states. */
    contractNo: text('contract_no'),
    coverFrom: date('cover_from'),
    coverTo: date('cover_to'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    // Once a year: one live annual enrolment per unit (under review, returned for correction, or approved).
    uniqueIndex('mutual_aid_enrolments_annual_live_uq')
      .on(t.orgId, t.year)
      .where(sql`${t.kind} = 'annual' and ${t.status} in ('pending', 'returned', 'approved')`),
    // One supplementary submission open at a time per unit and year.
    uniqueIndex('mutual_aid_enrolments_supplementary_open_uq')
      .on(t.orgId, t.year)
      .where(sql`${t.kind} = 'supplementary' and ${t.status} in ('pending', 'returned')`),
    uniqueIndex('mutual_aid_enrolments_contract_uq').on(t.contractNo),
    index('mutual_aid_enrolments_year_idx').on(t.year, t.status),
    check('mutual_aid_enrolments_kind_ck', sql`${t.kind} in ('annual', 'supplementary')`),
    check('mutual_aid_enrolments_status_ck', sql`${t.status} in ('pending', 'approved', 'returned', 'withdrawn')`),
  ],
);

/**
 * The frozen list: one row per enrolled member as the registry stood at submission. The person's
 * document number is not copied (the person row holds it, encrypted).
 */
export const mutualAidEnrolmentMembers = pgTable(
  'mutual_aid_enrolment_members',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => mutualAidEnrolments.id),
    membershipId: uuid('membership_id')
      .notNull()
      .references(() => memberships.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    memberNo: text('member_no').notNull(),
    name: text('name').notNull(),
  },
  (t) => [
    uniqueIndex('mutual_aid_enrolment_members_uq').on(t.enrolmentId, t.personId),
    index('mutual_aid_enrolment_members_list_idx').on(t.enrolmentId, t.memberNo),
    // A member's policies, and "already covered this year" for a supplementary list.
    index('mutual_aid_enrolment_members_person_idx').on(t.personId),
  ],
);
