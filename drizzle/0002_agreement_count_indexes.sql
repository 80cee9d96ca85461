DROP INDEX "agreements_status_id_idx";--> statement-breakpoint
DROP INDEX "agreements_bank_status_id_idx";--> statement-breakpoint
CREATE INDEX "agreements_status_region_idx" ON "agreements" USING btree ("status","region_code","id");--> statement-breakpoint
CREATE INDEX "agreements_bank_status_region_idx" ON "agreements" USING btree ("bank_id","status","region_code","id");