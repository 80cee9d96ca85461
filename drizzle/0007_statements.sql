CREATE TABLE "statement_lines" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"bank_id" text NOT NULL,
	"account" text NOT NULL,
	"value_date" date NOT NULL,
	"bank_txn_id" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"kind" text NOT NULL,
	"key_id" text,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "statement_lines_uq" UNIQUE("bank_id","bank_txn_id","kind")
);
--> statement-breakpoint
ALTER TABLE "statement_lines" ADD CONSTRAINT "statement_lines_bank_id_banks_id_fk" FOREIGN KEY ("bank_id") REFERENCES "public"."banks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "statement_lines_bank_date_idx" ON "statement_lines" USING btree ("bank_id","value_date");