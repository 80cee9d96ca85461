-- Paid-status flag details become { code, params } for the SPA to word (issue 14). Known English texts
-- written by earlier versions are converted; anything else is kept whole as legacy_text.
ALTER TABLE "paid_status_flags" ALTER COLUMN "detail" SET DATA TYPE jsonb USING (
  CASE
    WHEN "detail" IS NULL THEN NULL
    WHEN "detail" ~ '^Second collection (\S+) for a decision already (\S+)$' THEN jsonb_build_object(
      'code', 'duplicate_collection',
      'params', jsonb_build_object(
        'bankTxnId', (regexp_match("detail", '^Second collection (\S+) for a decision already (\S+)$'))[1],
        'status', (regexp_match("detail", '^Second collection (\S+) for a decision already (\S+)$'))[2]))
    WHEN "detail" ~ '^Collected (\d+) fen, due (\d+) fen on (\d{4}-\d{2}-\d{2})$' THEN jsonb_build_object(
      'code', 'amount_mismatch',
      'params', jsonb_build_object(
        'collectedFen', ((regexp_match("detail", '^Collected (\d+) fen'))[1])::bigint,
        'dueFen', ((regexp_match("detail", 'due (\d+) fen on'))[1])::bigint,
        'on', (regexp_match("detail", 'on (\d{4}-\d{2}-\d{2})$'))[1]))
    WHEN "detail" ~ '^Collected less than the (\d+) fen due on (\d{4}-\d{2}-\d{2})$' THEN jsonb_build_object(
      'code', 'underpaid',
      'params', jsonb_build_object(
        'dueFen', ((regexp_match("detail", 'the (\d+) fen due'))[1])::bigint,
        'on', (regexp_match("detail", 'due on (\d{4}-\d{2}-\d{2})$'))[1]))
    WHEN "detail" ~ '^Collection (\S+) received (\S+); the decision is still unpaid after (\d+) h$' THEN jsonb_build_object(
      'code', 'unpaid_after_collection',
      'params', jsonb_build_object(
        'bankTxnId', (regexp_match("detail", '^Collection (\S+) received'))[1],
        'receivedAt', (regexp_match("detail", 'received (\S+);'))[1],
        'hours', ((regexp_match("detail", 'after (\d+) h$'))[1])::int))
    WHEN "detail" ~ '^Collection for (.+) arrived before the decision$' THEN jsonb_build_object(
      'code', 'collection_before_decision',
      'params', jsonb_build_object(
        'decisionNumber', (regexp_match("detail", '^Collection for (.+) arrived before the decision$'))[1]))
    WHEN "detail" ~ '^Collection for unknown decision ' THEN jsonb_build_object(
      'code', 'orphan_collection',
      'params', jsonb_build_object(
        'decisionNumber', (regexp_match("detail", '^Collection for unknown decision (.+?)(; kept as an orphan until the decision arrives)?$'))[1]))
    WHEN "detail" = 'Second collection for a paid decision (refund candidate)' THEN '{"code":"second_collection"}'::jsonb
    WHEN "detail" = 'Status changed by one user without a second approver' THEN '{"code":"single_user_change"}'::jsonb
    WHEN "detail" = 'Paid with no matching bank collection' THEN '{"code":"paid_without_funds"}'::jsonb
    WHEN "detail" ~ '^Paid → unpaid by correction (\d+)$' THEN jsonb_build_object(
      'code', 'reversal_by_correction',
      'params', jsonb_build_object('correctionId', ((regexp_match("detail", '(\d+)$'))[1])::int))
    WHEN "detail" ~ '^Marked paid by correction (\d+) with no bank collection$' THEN jsonb_build_object(
      'code', 'paid_by_correction_without_collection',
      'params', jsonb_build_object(
        'correctionId', ((regexp_match("detail", 'correction (\d+) with'))[1])::int))
    ELSE jsonb_build_object('code', 'legacy_text', 'params', jsonb_build_object('text', "detail"))
  END
);
--> statement-breakpoint
-- Where a holiday calendar came from is a code the SPA labels.
UPDATE "calendar_years" SET "source" = CASE
  WHEN "source" = 'official (built in)' THEN 'official'
  WHEN "source" = 'csv import' THEN 'csv_import'
  WHEN "source" = 'json import' THEN 'json_import'
  ELSE "source"
END;
--> statement-breakpoint
-- A decision event's system-made reason becomes a code in "detail"; "reason" keeps only what people wrote.
ALTER TABLE "decision_events" ADD COLUMN "detail" jsonb;
--> statement-breakpoint
UPDATE "decision_events" SET
  "detail" = CASE
    WHEN "reason" ~ '^bank \S+ \S+ \S+$' THEN jsonb_build_object(
      'code', 'bank_collection',
      'params', jsonb_build_object(
        'bankId', (regexp_match("reason", '^bank (\S+) (\S+) (\S+)$'))[1],
        'channel', (regexp_match("reason", '^bank (\S+) (\S+) (\S+)$'))[2],
        'bankTxnId', (regexp_match("reason", '^bank (\S+) (\S+) (\S+)$'))[3]))
    WHEN "reason" = 'bank push' THEN jsonb_build_object(
      'code', 'bank_collection',
      'params', jsonb_build_object('bankTxnId', coalesce(
        (SELECT c."bank_txn_id" FROM "collections" c WHERE c."id" = "decision_events"."collection_id"), '')))
    ELSE jsonb_build_object(
      'code', 'refund_executed',
      'params', jsonb_build_object(
        'refundId', ((regexp_match("reason", '^refund (\d+) executed'))[1])::int,
        'amountFen', ((regexp_match("reason", '\((\d+) fen\)$'))[1])::bigint))
  END,
  "reason" = NULL
WHERE "reason" ~ '^bank \S+ \S+ \S+$' OR "reason" = 'bank push' OR "reason" ~ '^refund \d+ executed \(\d+ fen\)$';
