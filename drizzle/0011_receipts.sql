CREATE TABLE "e_receipt_queue" (
	"id" serial PRIMARY KEY NOT NULL,
	"collection_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"reason" text NOT NULL,
	"queued_at" timestamp with time zone NOT NULL,
	"receipt_id" integer,
	CONSTRAINT "e_receipt_queue_collection_id_unique" UNIQUE("collection_id")
);
--> statement-breakpoint
CREATE TABLE "e_receipt_segments" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"code" text NOT NULL,
	"start_no" bigint NOT NULL,
	"end_no" bigint NOT NULL,
	"next_no" bigint NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "receipt_batches" (
	"id" serial PRIMARY KEY NOT NULL,
	"type_code" text NOT NULL,
	"start_no" bigint NOT NULL,
	"end_no" bigint NOT NULL,
	"region_code" text NOT NULL,
	"purchased_on" date NOT NULL,
	"note" text,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "receipt_holdings" (
	"id" serial PRIMARY KEY NOT NULL,
	"type_code" text NOT NULL,
	"batch_id" integer NOT NULL,
	"start_no" bigint NOT NULL,
	"end_no" bigint NOT NULL,
	"region_code" text NOT NULL,
	"unit_id" integer,
	"received_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "receipt_movements" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"type_code" text NOT NULL,
	"batch_id" integer NOT NULL,
	"start_no" bigint NOT NULL,
	"end_no" bigint NOT NULL,
	"from_region" text,
	"from_unit_id" integer,
	"to_region" text NOT NULL,
	"to_unit_id" integer,
	"moved_on" date NOT NULL,
	"actor_id" integer,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "receipt_types" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"electronic" boolean NOT NULL,
	"copies" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "receipt_write_offs" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"region_code" text NOT NULL,
	"type_code" text NOT NULL,
	"start_no" bigint NOT NULL,
	"end_no" bigint NOT NULL,
	"count" integer NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"note" text,
	"requested_by" integer NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"decision_reason" text
);
--> statement-breakpoint
CREATE TABLE "receipts" (
	"id" serial PRIMARY KEY NOT NULL,
	"type_code" text NOT NULL,
	"code" text DEFAULT '' NOT NULL,
	"number" bigint NOT NULL,
	"unit_id" integer NOT NULL,
	"region_code" text NOT NULL,
	"status" text DEFAULT 'issued' NOT NULL,
	"decision_id" integer,
	"collection_id" integer,
	"amount_fen" bigint NOT NULL,
	"issued_on" date NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"issued_by" integer,
	"check_code" text,
	"token" text,
	"void_reason" text,
	"voided_at" timestamp with time zone,
	"voided_by" integer,
	"written_off_at" timestamp with time zone,
	"write_off_id" integer,
	"refund_id" integer,
	"refund_status" text,
	CONSTRAINT "receipts_token_unique" UNIQUE("token")
);
--> statement-breakpoint
ALTER TABLE "e_receipt_queue" ADD CONSTRAINT "e_receipt_queue_collection_id_collections_id_fk" FOREIGN KEY ("collection_id") REFERENCES "public"."collections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "e_receipt_queue" ADD CONSTRAINT "e_receipt_queue_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "e_receipt_queue" ADD CONSTRAINT "e_receipt_queue_receipt_id_receipts_id_fk" FOREIGN KEY ("receipt_id") REFERENCES "public"."receipts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "e_receipt_segments" ADD CONSTRAINT "e_receipt_segments_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "e_receipt_segments" ADD CONSTRAINT "e_receipt_segments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipt_batches" ADD CONSTRAINT "receipt_batches_type_code_receipt_types_code_fk" FOREIGN KEY ("type_code") REFERENCES "public"."receipt_types"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipt_batches" ADD CONSTRAINT "receipt_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipt_holdings" ADD CONSTRAINT "receipt_holdings_type_code_receipt_types_code_fk" FOREIGN KEY ("type_code") REFERENCES "public"."receipt_types"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipt_holdings" ADD CONSTRAINT "receipt_holdings_batch_id_receipt_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."receipt_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipt_holdings" ADD CONSTRAINT "receipt_holdings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipt_movements" ADD CONSTRAINT "receipt_movements_batch_id_receipt_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."receipt_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipt_movements" ADD CONSTRAINT "receipt_movements_from_unit_id_units_id_fk" FOREIGN KEY ("from_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipt_movements" ADD CONSTRAINT "receipt_movements_to_unit_id_units_id_fk" FOREIGN KEY ("to_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipt_movements" ADD CONSTRAINT "receipt_movements_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipt_write_offs" ADD CONSTRAINT "receipt_write_offs_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipt_write_offs" ADD CONSTRAINT "receipt_write_offs_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipt_write_offs" ADD CONSTRAINT "receipt_write_offs_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_type_code_receipt_types_code_fk" FOREIGN KEY ("type_code") REFERENCES "public"."receipt_types"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_collection_id_collections_id_fk" FOREIGN KEY ("collection_id") REFERENCES "public"."collections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_voided_by_users_id_fk" FOREIGN KEY ("voided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_refund_id_refunds_id_fk" FOREIGN KEY ("refund_id") REFERENCES "public"."refunds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "receipt_holdings_holder_idx" ON "receipt_holdings" USING btree ("type_code","region_code","unit_id");--> statement-breakpoint
CREATE INDEX "receipt_movements_range_idx" ON "receipt_movements" USING btree ("type_code","start_no");--> statement-breakpoint
CREATE UNIQUE INDEX "receipts_number_uq" ON "receipts" USING btree ("type_code","code","number");--> statement-breakpoint
CREATE INDEX "receipts_unit_idx" ON "receipts" USING btree ("unit_id","type_code","issued_on");--> statement-breakpoint
CREATE INDEX "receipts_decision_idx" ON "receipts" USING btree ("decision_id");--> statement-breakpoint
-- Receipt numbers of one type never overlap: not in purchases, not in holdings, not in segments of one code.
ALTER TABLE receipt_batches ADD CONSTRAINT receipt_batches_no_overlap
  EXCLUDE USING gist (type_code WITH =, int8range(start_no, end_no, '[]') WITH &&);
--> statement-breakpoint
ALTER TABLE receipt_holdings ADD CONSTRAINT receipt_holdings_no_overlap
  EXCLUDE USING gist (type_code WITH =, int8range(start_no, end_no, '[]') WITH &&);
--> statement-breakpoint
ALTER TABLE e_receipt_segments ADD CONSTRAINT e_receipt_segments_no_overlap
  EXCLUDE USING gist (code WITH =, int8range(start_no, end_no, '[]') WITH &&);
--> statement-breakpoint
ALTER TABLE receipt_batches ADD CONSTRAINT receipt_batches_ordered CHECK (end_no >= start_no);
--> statement-breakpoint
ALTER TABLE receipt_holdings ADD CONSTRAINT receipt_holdings_ordered CHECK (end_no >= start_no);
--> statement-breakpoint
ALTER TABLE e_receipt_segments ADD CONSTRAINT e_receipt_segments_in_range CHECK (end_no >= start_no AND next_no BETWEEN start_no AND end_no + 1);
--> statement-breakpoint
INSERT INTO receipt_types (code, name, name_en, electronic, copies) VALUES
  ('payment_form', '专用缴款书', 'Special payment form', false, 5),
  ('onsite_receipt', '罚款收据', 'On-site penalty receipt', false, 3),
  ('e_receipt', '财政电子票据', 'Electronic fiscal receipt', true, 1);
