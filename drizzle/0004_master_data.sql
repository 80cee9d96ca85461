CREATE TABLE "billing_codes" (
	"id" serial PRIMARY KEY NOT NULL,
	"department_code" text NOT NULL,
	"item_code" text NOT NULL,
	"project_code" text NOT NULL,
	"name" text NOT NULL,
	"budget_subject_code" text NOT NULL,
	"budget_level" text NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"status" text DEFAULT 'active' NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "budget_subjects" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"parent_code" text,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "treasuries" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"region_code" text NOT NULL,
	"level" text NOT NULL,
	"account_name" text NOT NULL,
	"account_number" text NOT NULL,
	"bank_name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "treasuries_code_unique" UNIQUE("code"),
	CONSTRAINT "treasuries_region_level_uq" UNIQUE("region_code","level")
);
--> statement-breakpoint
CREATE TABLE "unit_billing_codes" (
	"unit_id" integer NOT NULL,
	"billing_code_id" integer NOT NULL,
	CONSTRAINT "unit_billing_codes_unit_id_billing_code_id_pk" PRIMARY KEY("unit_id","billing_code_id")
);
--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "billing_codes" ADD CONSTRAINT "billing_codes_budget_subject_code_budget_subjects_code_fk" FOREIGN KEY ("budget_subject_code") REFERENCES "public"."budget_subjects"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treasuries" ADD CONSTRAINT "treasuries_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_billing_codes" ADD CONSTRAINT "unit_billing_codes_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_billing_codes" ADD CONSTRAINT "unit_billing_codes_billing_code_id_billing_codes_id_fk" FOREIGN KEY ("billing_code_id") REFERENCES "public"."billing_codes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "billing_codes_project_idx" ON "billing_codes" USING btree ("project_code");