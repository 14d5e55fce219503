CREATE INDEX "memberships_org_member_no_idx" ON "memberships" USING btree ("org_id","member_no","id","person_id");--> statement-breakpoint
CREATE INDEX "memberships_person_idx" ON "memberships" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "persons_id_index_idx" ON "persons" USING btree ("id_index");--> statement-breakpoint
CREATE INDEX "persons_name_prefix_idx" ON "persons" USING btree ("name" text_pattern_ops,"id");