CREATE TABLE "member_import_rows" (
	"import_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"verdict" text NOT NULL,
	"message" text NOT NULL,
	"id_type" text,
	"id_number_enc" text,
	"id_index" text,
	"name" text,
	"sex" text,
	"birth_date" date,
	"phone_enc" text,
	"phone_index" text,
	"education" text,
	"household_type" text,
	"migrant_worker" boolean,
	"skill_level" text,
	"address" text,
	"union_post" text,
	"work_unit_id" uuid,
	"joined_on" date,
	"remark" text,
	"person_id" uuid,
	"new_person_id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"membership_id" uuid,
	"member_no" text,
	CONSTRAINT "member_import_rows_import_id_row_no_pk" PRIMARY KEY("import_id","row_no")
);
--> statement-breakpoint
CREATE TABLE "member_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"source_hash" text NOT NULL,
	"file_iv" text,
	"file_mac" text,
	"file_key_id" text,
	"file_size" integer,
	"status" text NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"new_count" integer DEFAULT 0 NOT NULL,
	"update_count" integer DEFAULT 0 NOT NULL,
	"conflict_count" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"error" text,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"committed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "member_import_rows" ADD CONSTRAINT "member_import_rows_import_id_member_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."member_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_imports" ADD CONSTRAINT "member_imports_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_imports" ADD CONSTRAINT "member_imports_submitted_by_accounts_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "member_import_rows_verdict_idx" ON "member_import_rows" USING btree ("import_id","verdict","row_no");--> statement-breakpoint
CREATE UNIQUE INDEX "member_imports_source_uq" ON "member_imports" USING btree ("org_id","source_hash") WHERE "member_imports"."status" not in ('failed', 'cancelled');--> statement-breakpoint
CREATE INDEX "member_imports_org_submitted_idx" ON "member_imports" USING btree ("org_id","submitted_at");