CREATE TABLE "calendar_entries" (
	"date" date NOT NULL,
	"region_code" text DEFAULT '' NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"name" text,
	CONSTRAINT "calendar_entries_date_region_code_pk" PRIMARY KEY("date","region_code")
);
--> statement-breakpoint
CREATE TABLE "calendar_years" (
	"year" integer NOT NULL,
	"region_code" text DEFAULT '' NOT NULL,
	"holidays" integer NOT NULL,
	"adjusted_workdays" integer NOT NULL,
	"source" text NOT NULL,
	"imported_by" integer,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_years_year_region_code_pk" PRIMARY KEY("year","region_code")
);
--> statement-breakpoint
ALTER TABLE "calendar_years" ADD CONSTRAINT "calendar_years_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calendar_entries_year_idx" ON "calendar_entries" USING btree ("year","region_code");