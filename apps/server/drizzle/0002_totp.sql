ALTER TABLE "accounts" ADD COLUMN "totp_secret_enc" text;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "totp_pending_enc" text;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "totp_enabled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "totp_last_step" bigint;