import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../organisations/organisations.table.js';

/** A person's login. The phone is encrypted; `phoneIndex` is its keyed blind index. */
export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    username: text('username').notNull(),
    name: text('name').notNull(),
    phoneEnc: text('phone_enc'),
    phoneIndex: text('phone_index'),
    passwordHash: text('password_hash').notNull(),
    /** 所在地区 chosen at registration in the member app (a district of Jinan); null for others. */
    region: text('region'),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    status: text('status').notNull().default('active'),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    lastPostId: uuid('last_post_id'),
    /** TOTP second factor: the enrolled secret (encrypted), one being enrolled, and the last step used (no replay). */
    totpSecretEnc: text('totp_secret_enc'),
    totpPendingEnc: text('totp_pending_enc'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('accounts_username_uq').on(sql`lower(${t.username})`), index('accounts_phone_idx').on(t.phoneIndex)],
);

/** A role held by an account at one organisation (岗位). */
export const posts = pgTable(
  'posts',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    role: text('role').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('posts_active_uq').on(t.accountId, t.orgId, t.role).where(sql`${t.revokedAt} is null`),
    index('posts_org_idx').on(t.orgId),
  ],
);

/** One-time post activation codes (岗位激活码); only a keyed hash of the code is kept. */
export const activationCodes = pgTable(
  'activation_codes',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    role: text('role').notNull(),
    codeHash: text('code_hash').notNull().unique(),
    codeHint: text('code_hint').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    usedBy: uuid('used_by').references(() => accounts.id),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    note: text('note'),
  },
  (t) => [index('activation_codes_org_idx').on(t.orgId)],
);
