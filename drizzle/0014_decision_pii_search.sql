CREATE INDEX "decisions_plate_idx" ON "decisions" USING btree ("plate");--> statement-breakpoint
CREATE INDEX "decisions_id_number_idx" ON "decisions" USING btree ("id_number");--> statement-breakpoint
CREATE INDEX "decisions_party_name_idx" ON "decisions" USING btree ("party_name");