CREATE TABLE "idempotency_keys" (
	"account_id" uuid NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status_code" integer NOT NULL,
	"body" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_account_id_key_pk" PRIMARY KEY("account_id","key")
);
--> statement-breakpoint
CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"cover_image" jsonb,
	"claim_limit_kind" text NOT NULL,
	"claim_limit_per_day" smallint,
	"scope" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"content_html" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"is_open" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "activities_window_ck" CHECK ("activities"."ends_at" > "activities"."starts_at"),
	CONSTRAINT "activities_limit_ck" CHECK (("activities"."claim_limit_kind" = 'once' and "activities"."claim_limit_per_day" is null) or ("activities"."claim_limit_kind" = 'daily' and "activities"."claim_limit_per_day" between 1 and 100))
);
--> statement-breakpoint
CREATE TABLE "activity_prizes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"coupon_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"sort_order" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "activity_prizes_quantity_ck" CHECK ("activity_prizes"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "claim_counters" (
	"activity_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"period" text NOT NULL,
	"claimed" smallint NOT NULL,
	CONSTRAINT "claim_counters_activity_id_person_id_period_pk" PRIMARY KEY("activity_id","person_id","period"),
	CONSTRAINT "claim_counters_claimed_ck" CHECK ("claim_counters"."claimed" >= 1)
);
--> statement-breakpoint
CREATE TABLE "coupon_authorisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coupon_id" uuid NOT NULL,
	"merchant_id" uuid,
	"account_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "coupon_authorisations_one_ck" CHECK (("coupon_authorisations"."merchant_id" is null) <> ("coupon_authorisations"."account_id" is null))
);
--> statement-breakpoint
CREATE TABLE "coupons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"merchant_id" uuid,
	"title" text NOT NULL,
	"name" text NOT NULL,
	"quantity" integer NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_to" timestamp with time zone NOT NULL,
	"face_value_fen" integer NOT NULL,
	"conditions" text,
	"description" text,
	"enabled" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coupons_quantity_ck" CHECK ("coupons"."quantity" > 0),
	CONSTRAINT "coupons_face_value_ck" CHECK ("coupons"."face_value_fen" >= 0),
	CONSTRAINT "coupons_validity_ck" CHECK ("coupons"."valid_to" > "coupons"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "e_coupons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"activity_id" uuid NOT NULL,
	"prize_id" uuid NOT NULL,
	"coupon_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"status" text DEFAULT 'claimed' NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_to" timestamp with time zone NOT NULL,
	"face_value_fen" integer NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"redeemed_at" timestamp with time zone,
	"expired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "merchant_staff" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"merchant_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "merchants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"contact_name" text NOT NULL,
	"phone_enc" text NOT NULL,
	"phone_index" text NOT NULL,
	"landline" text,
	"kind" text NOT NULL,
	"service_type" text NOT NULL,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"address" text NOT NULL,
	"intro" text,
	"settled_on" date,
	"licence_image" jsonb,
	"logo_image" jsonb,
	"longitude" numeric(9, 6),
	"latitude" numeric(8, 6),
	"status" text DEFAULT 'offline' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prize_stock" (
	"prize_id" uuid NOT NULL,
	"bucket" smallint NOT NULL,
	"remaining" integer NOT NULL,
	CONSTRAINT "prize_stock_prize_id_bucket_pk" PRIMARY KEY("prize_id","bucket"),
	CONSTRAINT "prize_stock_remaining_ck" CHECK ("prize_stock"."remaining" >= 0)
);
--> statement-breakpoint
CREATE TABLE "redemptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"e_coupon_id" uuid NOT NULL,
	"merchant_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"face_value_fen" integer NOT NULL,
	"redeemed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_prizes" ADD CONSTRAINT "activity_prizes_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_prizes" ADD CONSTRAINT "activity_prizes_coupon_id_coupons_id_fk" FOREIGN KEY ("coupon_id") REFERENCES "public"."coupons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_counters" ADD CONSTRAINT "claim_counters_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_counters" ADD CONSTRAINT "claim_counters_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coupon_authorisations" ADD CONSTRAINT "coupon_authorisations_coupon_id_coupons_id_fk" FOREIGN KEY ("coupon_id") REFERENCES "public"."coupons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coupon_authorisations" ADD CONSTRAINT "coupon_authorisations_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coupon_authorisations" ADD CONSTRAINT "coupon_authorisations_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coupon_authorisations" ADD CONSTRAINT "coupon_authorisations_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coupons" ADD CONSTRAINT "coupons_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coupons" ADD CONSTRAINT "coupons_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coupons" ADD CONSTRAINT "coupons_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "e_coupons" ADD CONSTRAINT "e_coupons_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "e_coupons" ADD CONSTRAINT "e_coupons_prize_id_activity_prizes_id_fk" FOREIGN KEY ("prize_id") REFERENCES "public"."activity_prizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "e_coupons" ADD CONSTRAINT "e_coupons_coupon_id_coupons_id_fk" FOREIGN KEY ("coupon_id") REFERENCES "public"."coupons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "e_coupons" ADD CONSTRAINT "e_coupons_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "e_coupons" ADD CONSTRAINT "e_coupons_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "e_coupons" ADD CONSTRAINT "e_coupons_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchant_staff" ADD CONSTRAINT "merchant_staff_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchant_staff" ADD CONSTRAINT "merchant_staff_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchant_staff" ADD CONSTRAINT "merchant_staff_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchants" ADD CONSTRAINT "merchants_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchants" ADD CONSTRAINT "merchants_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prize_stock" ADD CONSTRAINT "prize_stock_prize_id_activity_prizes_id_fk" FOREIGN KEY ("prize_id") REFERENCES "public"."activity_prizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redemptions" ADD CONSTRAINT "redemptions_e_coupon_id_e_coupons_id_fk" FOREIGN KEY ("e_coupon_id") REFERENCES "public"."e_coupons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redemptions" ADD CONSTRAINT "redemptions_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redemptions" ADD CONSTRAINT "redemptions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_org_idx" ON "activities" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "activities_open_idx" ON "activities" USING btree ("is_open","ends_at");--> statement-breakpoint
CREATE UNIQUE INDEX "activity_prizes_uq" ON "activity_prizes" USING btree ("activity_id","coupon_id");--> statement-breakpoint
CREATE UNIQUE INDEX "coupon_authorisations_merchant_uq" ON "coupon_authorisations" USING btree ("coupon_id","merchant_id") WHERE "coupon_authorisations"."revoked_at" is null and "coupon_authorisations"."merchant_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "coupon_authorisations_account_uq" ON "coupon_authorisations" USING btree ("coupon_id","account_id") WHERE "coupon_authorisations"."revoked_at" is null and "coupon_authorisations"."account_id" is not null;--> statement-breakpoint
CREATE INDEX "coupons_org_idx" ON "coupons" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "e_coupons_code_uq" ON "e_coupons" USING btree ("code");--> statement-breakpoint
CREATE INDEX "e_coupons_account_idx" ON "e_coupons" USING btree ("account_id","claimed_at");--> statement-breakpoint
CREATE INDEX "e_coupons_activity_idx" ON "e_coupons" USING btree ("activity_id","status");--> statement-breakpoint
CREATE INDEX "e_coupons_expiry_idx" ON "e_coupons" USING btree ("valid_to") WHERE "e_coupons"."status" = 'claimed';--> statement-breakpoint
CREATE UNIQUE INDEX "merchant_staff_account_live_uq" ON "merchant_staff" USING btree ("account_id") WHERE "merchant_staff"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "merchant_staff_merchant_idx" ON "merchant_staff" USING btree ("merchant_id");--> statement-breakpoint
CREATE INDEX "merchants_org_idx" ON "merchants" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "merchants_org_name_uq" ON "merchants" USING btree ("org_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "redemptions_e_coupon_uq" ON "redemptions" USING btree ("e_coupon_id");--> statement-breakpoint
CREATE INDEX "redemptions_merchant_idx" ON "redemptions" USING btree ("merchant_id","redeemed_at");