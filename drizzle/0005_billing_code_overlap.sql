-- Same project code with overlapping validity is a conflict: the database refuses it, whatever the code path.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE billing_codes ADD CONSTRAINT billing_codes_no_overlap
  EXCLUDE USING gist (project_code WITH =, daterange(effective_from, coalesce(effective_to, 'infinity'::date), '[]') WITH &&);
