import { sql } from 'drizzle-orm';
import type { Tx } from '../audit/log';

/**
 * The three-way match of one bank and one business day, in SQL: every finding is upserted on
 * (bank, day, type, record) so a re-run updates it in place (keeping its state and note), and findings
 * this run no longer sees are removed. Returns how many findings the chunk has.
 */
export async function matchChunk(tx: Tx, runId: number, bankId: string, day: string, now: Date) {
  // The bank-day's collections and statement lines are paired once (a hash full join of two small
  // sets); only the few left unpaired are looked up on other days through the unique indexes.
  const found = sql`
    with c as materialized (
      select bank_txn_id, amount_fen, decision_id from collections
       where bank_id = ${bankId} and business_date = ${day}
    ), sd as materialized (
      select bank_txn_id, amount_fen, kind from statement_lines where bank_id = ${bankId} and value_date = ${day}
    ), j as materialized (
      select c.bank_txn_id as c_txn, c.amount_fen as c_fen, c.decision_id, s.bank_txn_id as s_txn, s.amount_fen as s_fen
        from c full join (select * from sd where kind = 'collection') s on s.bank_txn_id = c.bank_txn_id
    )
    -- bank_not_platform: a statement line the platform has no collection for, or a collection for an unknown decision
    select 'bank_not_platform' as type, j.s_txn as ref_key, null::bigint as platform_fen, j.s_fen as bank_fen, 'bank' as owner
      from j
     where j.c_txn is null
       and not exists (select 1 from collections x where x.bank_id = ${bankId} and x.bank_txn_id = j.s_txn)
    union all
    select 'bank_not_platform', c.bank_txn_id, null, c.amount_fen, 'bank' from c where c.decision_id is null
    union all
    -- platform_not_bank: a pushed collection missing from the bank's own statement (on any day)
    select 'platform_not_bank', j.c_txn, j.c_fen, null, 'bank'
      from j
     where j.s_txn is null and j.decision_id is not null
       and not exists (select 1 from statement_lines y
                        where y.bank_id = ${bankId} and y.bank_txn_id = j.c_txn and y.kind = 'collection')
    union all
    -- amount_mismatch: the same transaction with different amounts on each side (same day, or another day)
    select 'amount_mismatch', j.c_txn, j.c_fen, j.s_fen, 'bank'
      from j where j.c_txn is not null and j.s_txn is not null and j.c_fen <> j.s_fen
    union all
    select 'amount_mismatch', j.c_txn, j.c_fen, y.amount_fen, 'bank'
      from j join statement_lines y on y.bank_id = ${bankId} and y.bank_txn_id = j.c_txn and y.kind = 'collection'
     where j.s_txn is null and j.c_txn is not null and y.amount_fen <> j.c_fen
    union all
    -- collected_not_remitted: an obligation of that due day still not (fully) remitted
    select 'collected_not_remitted', r.agreement_id || ':' || r.due_date, r.amount_fen, r.remitted_fen, 'bank'
      from remittances r
     where r.bank_id = ${bankId} and r.due_date = ${day} and r.status = 'overdue'
    union all
    -- remitted_not_entered / wrong_subject_level: what the treasury's entries say about a transfer of that day
    select case when f.type = 'wrong_subject_level' then 'wrong_subject_level' else 'remitted_not_entered' end,
           t.reference, f.expected_fen, f.entered_fen, 'treasury'
      from entry_feedback f
      join remittance_transfers t on t.id = f.transfer_id
     where t.bank_id = ${bankId} and t.business_date = ${day} and f.type in ('missing', 'partial', 'wrong_subject_level')
    union all
    -- duplicate: a further collection for a decision that was already collected
    select 'duplicate', c2.bank_txn_id, c2.amount_fen, c2.amount_fen, 'finance'
      from collections c2
     where c2.bank_id = ${bankId} and c2.business_date = ${day} and c2.decision_id is not null
       and exists (select 1 from collections c1 where c1.decision_id = c2.decision_id and c1.id < c2.id)
    union all
    -- refund_without_voucher: banks may not offset; a refund line needs an executed refund with a voucher
    select 'refund_without_voucher', sd.bank_txn_id || ':' || sd.kind, null, sd.amount_fen, 'bank'
      from sd
     where sd.kind in ('refund', 'offset')
       and (sd.kind = 'offset' or not exists (
             select 1 from refunds rf join refund_vouchers v on v.refund_id = rf.id
              where rf.status = 'executed' and rf.amount_fen = sd.amount_fen))`;
  // For this transaction only: the lookups must probe the unique indexes, not hash the bank's whole
  // history (which the planner otherwise picks; the full join of the two small sets still hashes, it
  // has no other way); the inflated cost estimate that follows must not trigger PostgreSQL's JIT
  // (half a second of compiling for milliseconds of work); parallel workers cost more to start than
  // a bank-day's work.
  await tx.execute(sql`
    select set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true),
           set_config('jit', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`);
  await tx.execute(sql`
    insert into discrepancies (run_id, bank_id, business_date, type, ref_key, platform_fen, bank_fen, owner, state, updated_at)
    select ${runId}, ${bankId}, ${day}, f.type, f.ref_key, f.platform_fen, f.bank_fen, f.owner, 'open', ${now}
      from (${found}) f
    on conflict (bank_id, business_date, type, ref_key) do update
      set run_id = excluded.run_id, platform_fen = excluded.platform_fen, bank_fen = excluded.bank_fen`);
  await tx.execute(sql`
    delete from discrepancies where bank_id = ${bankId} and business_date = ${day} and run_id <> ${runId}`);
}
