import { sql } from 'drizzle-orm';
import { bigint, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.table.js';
import { memberships, persons } from '../members/members.table.js';
import { orgs } from '../organisations/organisations.table.js';

/**
 * 工会会员认证: an account claims to be a person of the member registry. No copy of the document
 * number is kept here: the match is by the person's blind index, and the person row holds the
 * number (encrypted) already. `orgId` is the base union that reviews (the membership's, when submitted).
 */
export const memberVerifications = pgTable(
  'member_verifications',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    membershipId: uuid('membership_id')
      .notNull()
      .references(() => memberships.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    /** pending → approved | returned | withdrawn; approved → revoked. */
    status: text('status').notNull(),
    /** Why it was revoked (a return's reason lives on its review). */
    reason: text('reason'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    // One account ↔ one person: neither may hold two live claims, so a race between two accounts has one winner.
    uniqueIndex('member_verifications_account_live_uq').on(t.accountId).where(sql`${t.status} in ('pending', 'approved')`),
    uniqueIndex('member_verifications_person_live_uq').on(t.personId).where(sql`${t.status} in ('pending', 'approved')`),
    index('member_verifications_org_idx').on(t.orgId, t.status),
  ],
);

/** Failed verification attempts: only who and when (nothing typed is kept), for the daily limit. */
export const verificationAttempts = pgTable(
  'verification_attempts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('verification_attempts_account_idx').on(t.accountId, t.at)],
);

/** What a member agreed to share, with whom, under which text version, and when (PIPL; SECURITY.md). */
export const memberConsents = pgTable(
  'member_consents',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    verificationId: uuid('verification_id').references(() => memberVerifications.id),
    recipient: text('recipient').notNull(),
    recipientOrgId: uuid('recipient_org_id').references(() => orgs.id),
    scope: text('scope').notNull(),
    version: text('version').notNull(),
    consentedAt: timestamp('consented_at', { withTimezone: true }).notNull(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [index('member_consents_account_idx').on(t.accountId)],
);

/** 更换手机号 when the old phone is lost: the new number (encrypted, proven by SMS) awaits the base union. */
export const phoneChangeRequests = pgTable(
  'phone_change_requests',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    newPhoneEnc: text('new_phone_enc').notNull(),
    newPhoneIndex: text('new_phone_index').notNull(),
    status: text('status').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('phone_change_requests_pending_uq').on(t.accountId).where(sql`${t.status} = 'pending'`)],
);
