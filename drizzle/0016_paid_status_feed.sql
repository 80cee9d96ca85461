CREATE TABLE "feed_positions" (
	"institution" text PRIMARY KEY NOT NULL,
	"after" bigint NOT NULL,
	"read_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "paid_status_changes" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"event_id" bigint NOT NULL,
	"decision_id" integer NOT NULL,
	"decision_number" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"source" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "paid_status_changes_event_id_unique" UNIQUE("event_id")
);
--> statement-breakpoint
ALTER TABLE "paid_status_changes" ADD CONSTRAINT "paid_status_changes_event_id_decision_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."decision_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Payment-status transitions feed the police platform; the initial import is not a change.
-- The audit chain's transaction lock (7310001, src/server/audit/log.ts) is taken before seq is drawn:
-- writers then draw seq in commit order, so a reader paging by seq never skips a late commit.
-- One statement-level trigger per INSERT (a transition table), so bulk loads stay bulk.
CREATE FUNCTION paid_status_feed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM new_events e WHERE e.source <> 'import' AND e.from_status IS DISTINCT FROM e.to_status) THEN
    PERFORM pg_advisory_xact_lock(7310001);
    INSERT INTO paid_status_changes (event_id, decision_id, decision_number, from_status, to_status, source, at)
    SELECT e.id, e.decision_id, d.decision_number, e.from_status, e.to_status, e.source, e.at
      FROM new_events e JOIN decisions d ON d.id = e.decision_id
     WHERE e.source <> 'import' AND e.from_status IS DISTINCT FROM e.to_status
     ORDER BY e.id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER decision_events_paid_status_feed AFTER INSERT ON decision_events
  REFERENCING NEW TABLE AS new_events
  FOR EACH STATEMENT EXECUTE FUNCTION paid_status_feed();
--> statement-breakpoint
-- Existing transitions, in the order they happened.
INSERT INTO paid_status_changes (event_id, decision_id, decision_number, from_status, to_status, source, at)
SELECT e.id, e.decision_id, d.decision_number, e.from_status, e.to_status, e.source, e.at
  FROM decision_events e JOIN decisions d ON d.id = e.decision_id
 WHERE e.source <> 'import' AND e.from_status IS DISTINCT FROM e.to_status
 ORDER BY e.at, e.id;
