CREATE TABLE "collections" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"bank_id" text NOT NULL,
	"bank_txn_id" text NOT NULL,
	"decision_number" text NOT NULL,
	"decision_id" integer,
	"region_code" text,
	"amount_fen" bigint NOT NULL,
	"expected_fen" bigint,
	"channel" text NOT NULL,
	"collected_at" timestamp with time zone NOT NULL,
	"business_date" date NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"matched_at" timestamp with time zone,
	CONSTRAINT "collections_bank_txn_uq" UNIQUE("bank_id","bank_txn_id")
);
--> statement-breakpoint
CREATE TABLE "decision_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"decision_id" integer NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"source" text NOT NULL,
	"actor_id" integer,
	"key_id" text,
	"reason" text,
	"collection_id" bigint,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"decision_number" text NOT NULL,
	"unit_id" integer NOT NULL,
	"region_code" text NOT NULL,
	"billing_code_id" integer,
	"project_code" text NOT NULL,
	"fine_fen" bigint NOT NULL,
	"served_on" date NOT NULL,
	"party_name" text NOT NULL,
	"id_number" text NOT NULL,
	"licence_number" text,
	"plate" text,
	"suspensions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"payment_status" text DEFAULT 'unpaid' NOT NULL,
	"paid_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decisions_decision_number_unique" UNIQUE("decision_number")
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"key_id" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status_code" integer NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "idempotency_keys_key_id_idempotency_key_pk" PRIMARY KEY("key_id","idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "institution_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"institution" text NOT NULL,
	"bank_id" text,
	"secret_enc" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "paid_status_flags" (
	"id" serial PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"decision_id" integer,
	"collection_id" bigint,
	"region_code" text,
	"detail" text,
	"state" text DEFAULT 'open' NOT NULL,
	"review_note" text,
	"reviewed_by" integer,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "status_corrections" (
	"id" serial PRIMARY KEY NOT NULL,
	"decision_id" integer NOT NULL,
	"to_status" text NOT NULL,
	"reason" text NOT NULL,
	"state" text DEFAULT 'proposed' NOT NULL,
	"proposed_by" integer NOT NULL,
	"decided_by" integer,
	"decision_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "collections" ADD CONSTRAINT "collections_bank_id_banks_id_fk" FOREIGN KEY ("bank_id") REFERENCES "public"."banks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collections" ADD CONSTRAINT "collections_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_events" ADD CONSTRAINT "decision_events_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_events" ADD CONSTRAINT "decision_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_billing_code_id_billing_codes_id_fk" FOREIGN KEY ("billing_code_id") REFERENCES "public"."billing_codes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution_keys" ADD CONSTRAINT "institution_keys_bank_id_banks_id_fk" FOREIGN KEY ("bank_id") REFERENCES "public"."banks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution_keys" ADD CONSTRAINT "institution_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paid_status_flags" ADD CONSTRAINT "paid_status_flags_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paid_status_flags" ADD CONSTRAINT "paid_status_flags_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_corrections" ADD CONSTRAINT "status_corrections_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_corrections" ADD CONSTRAINT "status_corrections_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_corrections" ADD CONSTRAINT "status_corrections_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "collections_decision_idx" ON "collections" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "collections_orphan_idx" ON "collections" USING btree ("decision_number") WHERE decision_id is null;--> statement-breakpoint
CREATE INDEX "collections_bank_date_idx" ON "collections" USING btree ("bank_id","business_date");--> statement-breakpoint
CREATE INDEX "decision_events_decision_idx" ON "decision_events" USING btree ("decision_id","at");--> statement-breakpoint
CREATE INDEX "decisions_unit_idx" ON "decisions" USING btree ("unit_id","id");--> statement-breakpoint
CREATE INDEX "decisions_status_idx" ON "decisions" USING btree ("payment_status","id");--> statement-breakpoint
CREATE INDEX "decisions_region_idx" ON "decisions" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "paid_status_flags_state_type_idx" ON "paid_status_flags" USING btree ("state","type","id");--> statement-breakpoint
CREATE INDEX "paid_status_flags_decision_idx" ON "paid_status_flags" USING btree ("decision_id");