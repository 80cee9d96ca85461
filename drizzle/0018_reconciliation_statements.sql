CREATE TABLE "reconciliation_statements" (
	"id" serial PRIMARY KEY NOT NULL,
	"month" text NOT NULL,
	"unit_id" integer NOT NULL,
	"bank_id" text NOT NULL,
	"region_code" text NOT NULL,
	"count" integer NOT NULL,
	"collected_fen" bigint NOT NULL,
	"entered_fen" bigint NOT NULL,
	"lines" jsonb NOT NULL,
	"status" text DEFAULT 'produced' NOT NULL,
	"note" text,
	"produced_by" integer NOT NULL,
	"produced_at" timestamp with time zone NOT NULL,
	"answered_by" integer,
	"answered_at" timestamp with time zone,
	CONSTRAINT "reconciliation_statements_uq" UNIQUE("month","unit_id","bank_id")
);
--> statement-breakpoint
ALTER TABLE "reconciliation_statements" ADD CONSTRAINT "reconciliation_statements_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciliation_statements" ADD CONSTRAINT "reconciliation_statements_bank_id_banks_id_fk" FOREIGN KEY ("bank_id") REFERENCES "public"."banks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciliation_statements" ADD CONSTRAINT "reconciliation_statements_produced_by_users_id_fk" FOREIGN KEY ("produced_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciliation_statements" ADD CONSTRAINT "reconciliation_statements_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reconciliation_statements_unit_idx" ON "reconciliation_statements" USING btree ("unit_id","month");