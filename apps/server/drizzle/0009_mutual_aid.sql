CREATE SEQUENCE "public"."mutual_aid_contract_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "mutual_aid_enrolment_members" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mutual_aid_enrolment_members_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"enrolment_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"member_no" text NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mutual_aid_enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"member_count" integer NOT NULL,
	"contribution_fen" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	"operator_name" text NOT NULL,
	"operator_phone_enc" text NOT NULL,
	"note" text,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"contract_no" text,
	"cover_from" date,
	"cover_to" date,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "mutual_aid_enrolments_kind_ck" CHECK ("mutual_aid_enrolments"."kind" in ('annual', 'supplementary')),
	CONSTRAINT "mutual_aid_enrolments_status_ck" CHECK ("mutual_aid_enrolments"."status" in ('pending', 'approved', 'returned', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "mutual_aid_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"coverage" text NOT NULL,
	"contribution_fen" integer NOT NULL,
	"enrol_from" date NOT NULL,
	"enrol_to" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mutual_aid_plans_contribution_ck" CHECK ("mutual_aid_plans"."contribution_fen" > 0)
);
--> statement-breakpoint
ALTER TABLE "mutual_aid_enrolment_members" ADD CONSTRAINT "mutual_aid_enrolment_members_enrolment_id_mutual_aid_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."mutual_aid_enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_aid_enrolment_members" ADD CONSTRAINT "mutual_aid_enrolment_members_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_aid_enrolment_members" ADD CONSTRAINT "mutual_aid_enrolment_members_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_aid_enrolments" ADD CONSTRAINT "mutual_aid_enrolments_plan_id_mutual_aid_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."mutual_aid_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_aid_enrolments" ADD CONSTRAINT "mutual_aid_enrolments_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_aid_enrolments" ADD CONSTRAINT "mutual_aid_enrolments_submitted_by_accounts_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_aid_plans" ADD CONSTRAINT "mutual_aid_plans_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mutual_aid_enrolment_members_uq" ON "mutual_aid_enrolment_members" USING btree ("enrolment_id","person_id");--> statement-breakpoint
CREATE INDEX "mutual_aid_enrolment_members_list_idx" ON "mutual_aid_enrolment_members" USING btree ("enrolment_id","member_no");--> statement-breakpoint
CREATE INDEX "mutual_aid_enrolment_members_person_idx" ON "mutual_aid_enrolment_members" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mutual_aid_enrolments_annual_live_uq" ON "mutual_aid_enrolments" USING btree ("org_id","year") WHERE "mutual_aid_enrolments"."kind" = 'annual' and "mutual_aid_enrolments"."status" in ('pending', 'returned', 'approved');--> statement-breakpoint
CREATE UNIQUE INDEX "mutual_aid_enrolments_supplementary_open_uq" ON "mutual_aid_enrolments" USING btree ("org_id","year") WHERE "mutual_aid_enrolments"."kind" = 'supplementary' and "mutual_aid_enrolments"."status" in ('pending', 'returned');--> statement-breakpoint
CREATE UNIQUE INDEX "mutual_aid_enrolments_contract_uq" ON "mutual_aid_enrolments" USING btree ("contract_no");--> statement-breakpoint
CREATE INDEX "mutual_aid_enrolments_year_idx" ON "mutual_aid_enrolments" USING btree ("year","status");--> statement-breakpoint
CREATE UNIQUE INDEX "mutual_aid_plans_year_uq" ON "mutual_aid_plans" USING btree ("year");