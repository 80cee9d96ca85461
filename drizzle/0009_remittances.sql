CREATE TABLE "entry_feedback" (
	"id" serial PRIMARY KEY NOT NULL,
	"transfer_id" integer NOT NULL,
	"bank_id" text NOT NULL,
	"type" text NOT NULL,
	"expected_fen" bigint NOT NULL,
	"entered_fen" bigint NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"acknowledged_by" integer,
	"acknowledged_at" timestamp with time zone,
	"note" text,
	CONSTRAINT "entry_feedback_transfer_id_unique" UNIQUE("transfer_id")
);
--> statement-breakpoint
CREATE TABLE "remittance_transfer_items" (
	"transfer_id" integer NOT NULL,
	"collection_id" bigint NOT NULL,
	CONSTRAINT "remittance_items_collection_uq" UNIQUE("collection_id")
);
--> statement-breakpoint
CREATE TABLE "remittance_transfers" (
	"id" serial PRIMARY KEY NOT NULL,
	"bank_id" text NOT NULL,
	"reference" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"transferred_at" timestamp with time zone NOT NULL,
	"business_date" date NOT NULL,
	"key_id" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "remittance_transfers_ref_uq" UNIQUE("bank_id","reference")
);
--> statement-breakpoint
CREATE TABLE "remittances" (
	"id" serial PRIMARY KEY NOT NULL,
	"agreement_id" integer NOT NULL,
	"bank_id" text NOT NULL,
	"region_code" text NOT NULL,
	"due_date" date NOT NULL,
	"collection_count" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	"remitted_fen" bigint NOT NULL,
	"remitted_on" date,
	"status" text NOT NULL,
	"working_days_late" integer NOT NULL,
	"held_fen_days" bigint NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "remittances_agreement_due_uq" UNIQUE("agreement_id","due_date")
);
--> statement-breakpoint
CREATE TABLE "treasury_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"treasury_id" integer NOT NULL,
	"entry_date" date NOT NULL,
	"amount_fen" bigint NOT NULL,
	"budget_subject_code" text NOT NULL,
	"budget_level" text NOT NULL,
	"transfer_reference" text NOT NULL,
	"source" text NOT NULL,
	"created_by" integer,
	"key_id" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "entry_feedback" ADD CONSTRAINT "entry_feedback_transfer_id_remittance_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "public"."remittance_transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entry_feedback" ADD CONSTRAINT "entry_feedback_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remittance_transfer_items" ADD CONSTRAINT "remittance_transfer_items_transfer_id_remittance_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "public"."remittance_transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remittance_transfer_items" ADD CONSTRAINT "remittance_transfer_items_collection_id_collections_id_fk" FOREIGN KEY ("collection_id") REFERENCES "public"."collections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remittance_transfers" ADD CONSTRAINT "remittance_transfers_bank_id_banks_id_fk" FOREIGN KEY ("bank_id") REFERENCES "public"."banks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remittances" ADD CONSTRAINT "remittances_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remittances" ADD CONSTRAINT "remittances_bank_id_banks_id_fk" FOREIGN KEY ("bank_id") REFERENCES "public"."banks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treasury_entries" ADD CONSTRAINT "treasury_entries_treasury_id_treasuries_id_fk" FOREIGN KEY ("treasury_id") REFERENCES "public"."treasuries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treasury_entries" ADD CONSTRAINT "treasury_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "entry_feedback_type_idx" ON "entry_feedback" USING btree ("type","id");--> statement-breakpoint
CREATE INDEX "remittance_items_transfer_idx" ON "remittance_transfer_items" USING btree ("transfer_id");--> statement-breakpoint
CREATE INDEX "remittance_transfers_date_idx" ON "remittance_transfers" USING btree ("business_date");--> statement-breakpoint
CREATE INDEX "remittances_bank_due_idx" ON "remittances" USING btree ("bank_id","due_date");--> statement-breakpoint
CREATE INDEX "remittances_status_idx" ON "remittances" USING btree ("status","due_date");--> statement-breakpoint
CREATE INDEX "treasury_entries_ref_idx" ON "treasury_entries" USING btree ("transfer_reference");--> statement-breakpoint
CREATE INDEX "treasury_entries_date_idx" ON "treasury_entries" USING btree ("entry_date");