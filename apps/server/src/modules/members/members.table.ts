import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, pgSequence, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.table.js';
import { orgs, workUnits } from '../organisations/organisations.table.js';

/**
 * A person, identified platform-wide by document type + number. The number and phone are
 * encrypted; `idIndex`/`phoneIndex` are keyed blind indexes for exact lookup and uniqueness.
 * No part of either number is kept in clear (not even for masking: with the birth date beside
 * it, a head and tail would leave an ID number two guesses from whole); masks are made on read.
 */
export const persons = pgTable(
  'persons',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    idType: text('id_type').notNull(),
    idNumberEnc: text('id_number_enc').notNull(),
    idIndex: text('id_index').notNull(),
    name: text('name').notNull(),
    sex: text('sex').notNull(),
    birthDate: date('birth_date').notNull(),
    phoneEnc: text('phone_enc'),
    phoneIndex: text('phone_index'),
    education: text('education'),
    householdType: text('household_type'),
    migrantWorker: boolean('migrant_worker'),
    skillLevel: text('skill_level'),
    address: text('address'),
    idExpiresOn: date('id_expires_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('persons_document_uq').on(t.idType, t.idIndex),
    // Search by document number alone (the type is not asked for): the unique index leads with the type.
    index('persons_id_index_idx').on(t.idIndex),
    index('persons_phone_idx').on(t.phoneIndex),
    index('persons_name_idx').on(t.name),
    // Name prefix search (LIKE '王%') under any collation; the id makes it index-only for joins.
    index('persons_name_prefix_idx').using('btree', sql`${t.name} text_pattern_ops`, t.id),
  ],
);

export const memberNoSeq = pgSequence('member_no_seq', { startWith: 1000000001, increment: 1 });

/** A person's membership of one base union (会籍), with its number and status. */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    memberNo: text('member_no').notNull().unique(),
    workUnitId: uuid('work_unit_id').references(() => workUnits.id),
    unionPost: text('union_post'),
    joinedOn: date('joined_on'),
    status: text('status').notNull(),
    remark: text('remark'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One union at a time: a person has at most one membership that has not ended.
    uniqueIndex('memberships_current_uq').on(t.personId).where(sql`${t.status} <> 'transferred_out'`),
    index('memberships_org_status_idx').on(t.orgId, t.status, t.memberNo),
    // A union's members in number order (the default list): counts and pages of any depth from the
    // index alone; the person id lets a name search within the union join persons without the table.
    index('memberships_org_member_no_idx').on(t.orgId, t.memberNo, t.id, t.personId),
    // A person's memberships of any status (search by document or phone finds ended ones too).
    index('memberships_person_idx').on(t.personId),
    index('memberships_work_unit_idx').on(t.workUnitId),
  ],
);

/** Every status change of a membership, with its date and reason. */
export const membershipEvents = pgTable(
  'membership_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    membershipId: uuid('membership_id')
      .notNull()
      .references(() => memberships.id),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    on: date('on').notNull(),
    reason: text('reason'),
    actorAccountId: uuid('actor_account_id').references(() => accounts.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('membership_events_membership_idx').on(t.membershipId)],
);
