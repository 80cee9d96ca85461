import { sql } from 'drizzle-orm';
import type { Tx } from '../audit/log';

/**
 * The three-way match of one bank and one business day, in SQL: every finding is upserted on
 * (bank, day, type, record) so a re-run updates it in place (keeping its state and note), and findings
 * this run no longer sees are removed. Returns how many findings the chunk has.
 */
export async function matchChunk(tx: Tx, runId: number, bankId: string, day: string, now: Date) {
  const found = sql`
    -- bank_not_platform: a statement line the platform has no collection for, or a collection for an unknown decision
    select 'bank_not_platform' as type, s.bank_txn_id as ref_key, null::bigint as platform_fen, s.amount_fen as bank_fen, 'bank' as owner
      from statement_lines s
     where s.bank_id = ${bankId} and s.value_date = ${day} and s.kind = 'collection'
       and not exists (select 1 from collections c where c.bank_id = s.bank_id and c.bank_txn_id = s.bank_txn_id)
    union all
    select 'bank_not_platform', c.bank_txn_id, null, c.amount_fen, 'bank'
      from collections c
     where c.bank_id = ${bankId} and c.business_date = ${day} and c.decision_id is null
    union all
    -- platform_not_bank: a pushed collection missing from the bank's own statement
    select 'platform_not_bank', c.bank_txn_id, c.amount_fen, null, 'bank'
      from collections c
     where c.bank_id = ${bankId} and c.business_date = ${day} and c.decision_id is not null
       and not exists (select 1 from statement_lines s
                        where s.bank_id = c.bank_id and s.bank_txn_id = c.bank_txn_id and s.kind = 'collection')
    union all
    -- amount_mismatch: the same transaction with different amounts on each side
    select 'amount_mismatch', c.bank_txn_id, c.amount_fen, s.amount_fen, 'bank'
      from collections c
      join statement_lines s on s.bank_id = c.bank_id and s.bank_txn_id = c.bank_txn_id and s.kind = 'collection'
     where c.bank_id = ${bankId} and c.business_date = ${day} and s.amount_fen <> c.amount_fen
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
    select 'refund_without_voucher', s.bank_txn_id || ':' || s.kind, null, s.amount_fen, 'bank'
      from statement_lines s
     where s.bank_id = ${bankId} and s.value_date = ${day} and s.kind in ('refund', 'offset')
       and (s.kind = 'offset' or not exists (
             select 1 from refunds rf join refund_vouchers v on v.refund_id = rf.id
              where rf.status = 'executed' and rf.amount_fen = s.amount_fen))`;
  // A chunk is one bank-day (hundreds to thousands of rows): probing the other side's unique index
  // per row beats hashing the bank's whole history, which the planner otherwise picks.
  await tx.execute(sql`set local enable_hashjoin = off`);
  await tx.execute(sql`set local enable_mergejoin = off`);
  await tx.execute(sql`
    insert into discrepancies (run_id, bank_id, business_date, type, ref_key, platform_fen, bank_fen, owner, state, updated_at)
    select ${runId}, ${bankId}, ${day}, f.type, f.ref_key, f.platform_fen, f.bank_fen, f.owner, 'open', ${now}
      from (${found}) f
    on conflict (bank_id, business_date, type, ref_key) do update
      set run_id = excluded.run_id, platform_fen = excluded.platform_fen, bank_fen = excluded.bank_fen`);
  await tx.execute(sql`
    delete from discrepancies where bank_id = ${bankId} and business_date = ${day} and run_id <> ${runId}`);
}
