import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, numeric, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.table.js';
import { memberships, persons } from '../members/members.table.js';
import { orgs } from '../organisations/organisations.table.js';

/**
 * 普惠活动 (seed 001): merchants, the coupons a union issues, the claim activities that hand them
 * out, the e-coupons members hold and their redemptions. Stock and limits are enforced by the
 * database itself (CHECK constraints, conditional updates and unique keys), so no interleaving of
 * requests can oversell or double-claim.
 */

/** An uploaded image (licence, logo, cover): a FileVault entry plus what the browser needs. */
export interface StoredImage {
  fileId: string;
  mime: string;
  keyId: string;
  iv: string;
  mac: string;
  size: number;
  contentHash: string;
}

/** 商家 (seed 001 figs. 22–24), owned by the union that created it. */
export const merchants = pgTable(
  'merchants',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    contactName: text('contact_name').notNull(),
    /** The contact's mobile: encrypted, with a keyed blind index like a person's phone. */
    phoneEnc: text('phone_enc').notNull(),
    phoneIndex: text('phone_index').notNull(),
    landline: text('landline'),
    /** `merchant` 商家 | `union` 工会. */
    kind: text('kind').notNull(),
    serviceType: text('service_type').notNull(),
    tags: jsonb('tags').$type<string[]>().notNull().default([]),
    address: text('address').notNull(),
    intro: text('intro'),
    settledOn: date('settled_on'),
    licenceImage: jsonb('licence_image').$type<StoredImage>(),
    logoImage: jsonb('logo_image').$type<StoredImage>(),
    longitude: numeric('longitude', { precision: 9, scale: 6 }),
    latitude: numeric('latitude', { precision: 8, scale: 6 }),
    /** `online` 上线 | `offline` 下线. */
    status: text('status').notNull().default('offline'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('merchants_org_idx').on(t.orgId, t.createdAt), uniqueIndex('merchants_org_name_uq').on(t.orgId, t.name)],
);

/** A merchant's staff login (店员): an account that may use the merchant app for this merchant. */
export const merchantStaff = pgTable(
  'merchant_staff',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    merchantId: uuid('merchant_id')
      .notNull()
      .references(() => merchants.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  // An account serves one merchant at a time.
  (t) => [uniqueIndex('merchant_staff_account_live_uq').on(t.accountId).where(sql`${t.revokedAt} is null`), index('merchant_staff_merchant_idx').on(t.merchantId)],
);

/** 优惠券 of type 工会活动券: what a union hands out. Money is in fen. */
export const coupons = pgTable(
  'coupons',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    /** The merchant that honours it by default (others may be authorised). */
    merchantId: uuid('merchant_id').references(() => merchants.id),
    title: text('title').notNull(),
    name: text('name').notNull(),
    quantity: integer('quantity').notNull(),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull(),
    validTo: timestamp('valid_to', { withTimezone: true }).notNull(),
    faceValueFen: integer('face_value_fen').notNull(),
    conditions: text('conditions'),
    description: text('description'),
    enabled: boolean('enabled').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('coupons_org_idx').on(t.orgId, t.createdAt),
    check('coupons_quantity_ck', sql`${t.quantity} > 0`),
    check('coupons_face_value_ck', sql`${t.faceValueFen} >= 0`),
    check('coupons_validity_ck', sql`${t.validTo} > ${t.validFrom}`),
  ],
);

/** 授权: a merchant, or a person's account, allowed to redeem a coupon besides its own merchant. */
export const couponAuthorisations = pgTable(
  'coupon_authorisations',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    couponId: uuid('coupon_id')
      .notNull()
      .references(() => coupons.id),
    merchantId: uuid('merchant_id').references(() => merchants.id),
    accountId: uuid('account_id').references(() => accounts.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    check('coupon_authorisations_one_ck', sql`(${t.merchantId} is null) <> (${t.accountId} is null)`),
    uniqueIndex('coupon_authorisations_merchant_uq').on(t.couponId, t.merchantId).where(sql`${t.revokedAt} is null and ${t.merchantId} is not null`),
    uniqueIndex('coupon_authorisations_account_uq').on(t.couponId, t.accountId).where(sql`${t.revokedAt} is null and ${t.accountId} is not null`),
  ],
);

/**
 * 活动 of type 领券活动. status: draft → pending (submitted for the upper union's audit) →
 * approved | returned (→ pending again on resubmission); withdrawn goes back to draft. Once
 * approved it is opened or closed (`isOpen`); it is never deleted.
 */
export const activities = pgTable(
  'activities',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    title: text('title').notNull(),
    coverImage: jsonb('cover_image').$type<StoredImage>(),
    /** `once` 仅一次 | `daily` 每天 N 次. */
    claimLimitKind: text('claim_limit_kind').notNull(),
    claimLimitPerDay: smallint('claim_limit_per_day'),
    /** `own` 本单位 | `subtree` 本单位及下级. */
    scope: text('scope').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** Sanitised rich text. */
    contentHtml: text('content_html').notNull().default(''),
    status: text('status').notNull().default('draft'),
    isOpen: boolean('is_open').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
  },
  (t) => [
    index('activities_org_idx').on(t.orgId, t.createdAt),
    index('activities_open_idx').on(t.isOpen, t.endsAt),
    check('activities_window_ck', sql`${t.endsAt} > ${t.startsAt}`),
    check('activities_limit_ck', sql`(${t.claimLimitKind} = 'once' and ${t.claimLimitPerDay} is null) or (${t.claimLimitKind} = 'daily' and ${t.claimLimitPerDay} between 1 and 100)`),
  ],
);

/** One line of an activity's prize list: a coupon and how many of it the activity hands out. */
export const activityPrizes = pgTable(
  'activity_prizes',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id),
    couponId: uuid('coupon_id')
      .notNull()
      .references(() => coupons.id),
    quantity: integer('quantity').notNull(),
    sortOrder: smallint('sort_order').notNull().default(0),
  },
  (t) => [uniqueIndex('activity_prizes_uq').on(t.activityId, t.couponId), check('activity_prizes_quantity_ck', sql`${t.quantity} > 0`)],
);

/**
 * A prize's remaining stock, split into buckets so that concurrent claims decrement different
 * rows instead of queueing on one hot row; each bucket's decrement is conditional and the CHECK
 * makes overselling impossible whatever the code does.
 */
export const prizeStock = pgTable(
  'prize_stock',
  {
    prizeId: uuid('prize_id')
      .notNull()
      .references(() => activityPrizes.id),
    bucket: smallint('bucket').notNull(),
    remaining: integer('remaining').notNull(),
  },
  (t) => [primaryKey({ columns: [t.prizeId, t.bucket] }), check('prize_stock_remaining_ck', sql`${t.remaining} >= 0`)],
);

/**
 * How many times a person has claimed in an activity within a period (`all` for a once-only
 * activity, the China-time date `YYYY-MM-DD` for a daily one). A claim bumps it with one upsert
 * whose update is conditional on `claimed < limit`; with the primary key, nobody exceeds the limit
 * under any concurrency.
 */
export const claimCounters = pgTable(
  'claim_counters',
  {
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    period: text('period').notNull(),
    claimed: smallint('claimed').notNull(),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.personId, t.period] }), check('claim_counters_claimed_ck', sql`${t.claimed} >= 1`)],
);

/**
 * 电子券: a claimed coupon held by a member. status: claimed → redeemed | expired. The validity
 * window is copied from the coupon when claimed. `code` is the unique code typed when a scan fails.
 */
export const eCoupons = pgTable(
  'e_coupons',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    code: text('code').notNull(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id),
    prizeId: uuid('prize_id')
      .notNull()
      .references(() => activityPrizes.id),
    couponId: uuid('coupon_id')
      .notNull()
      .references(() => coupons.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    membershipId: uuid('membership_id')
      .notNull()
      .references(() => memberships.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    status: text('status').notNull().default('claimed'),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull(),
    validTo: timestamp('valid_to', { withTimezone: true }).notNull(),
    faceValueFen: integer('face_value_fen').notNull(),
    claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull().defaultNow(),
    redeemedAt: timestamp('redeemed_at', { withTimezone: true }),
    expiredAt: timestamp('expired_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('e_coupons_code_uq').on(t.code),
    index('e_coupons_account_idx').on(t.accountId, t.claimedAt),
    index('e_coupons_activity_idx').on(t.activityId, t.status),
    index('e_coupons_expiry_idx').on(t.validTo).where(sql`${t.status} = 'claimed'`),
  ],
);

/** 核销: exactly one per e-coupon (the unique key), by a merchant's staff account. */
export const redemptions = pgTable(
  'redemptions',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    eCouponId: uuid('e_coupon_id')
      .notNull()
      .references(() => eCoupons.id),
    merchantId: uuid('merchant_id')
      .notNull()
      .references(() => merchants.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    faceValueFen: integer('face_value_fen').notNull(),
    redeemedAt: timestamp('redeemed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('redemptions_e_coupon_uq').on(t.eCouponId), index('redemptions_merchant_idx').on(t.merchantId, t.redeemedAt)],
);
