// `npm run bench:reconcile`: one month (June 2025) of BENCH_COLLECTIONS collections across the four
// banks (default 100,000 on PGlite, 1,000,000 on PostgreSQL when BENCH_DATABASE_URL is set), clean
// except for BENCH_INJECT (default 25) injected discrepancies of each of the eight types. Runs the real
// month reconciliation (executeRun, the code POST /api/reconciliation-runs starts), then prints run
// time, peak RSS, the bare SQL join time for the same month, and found-vs-injected per type (exit 1
// unless exact). Data is generated in bulk SQL. Not part of CI.
import { count, eq, sql } from 'drizzle-orm';
import { DISCREPANCY_TYPES, periodDays } from '../src/domain';
import { buildApp } from '../src/server/app';
import { createClock } from '../src/server/clock';
import { loadConfig } from '../src/server/config';
import type { Db } from '../src/server/db/client';
import { discrepancies, reconciliationRuns } from '../src/server/db/schema';
import { executeRun } from '../src/server/reconciliation/runner';
import { prepareDatabase } from '../src/server/start';
import { benchTargets } from './bench-common';

const MONTH = '2025-06';
const K = Number(process.env.BENCH_INJECT ?? 25);
const days = periodDays('month', `${MONTH}-01`);
// Working days of June 2025 (31 May–2 June is the Dragon Boat holiday): a collection before the
// cut-off on one of them is due that same day, so each (bank, day) below is its own obligation.
const WORKDAYS = days.filter((d) => {
  const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
  return wd >= 1 && wd <= 5 && d !== '2025-06-02';
});

const exec = async (db: Db, q: ReturnType<typeof sql>) => {
  const t = performance.now();
  await db.execute(q);
  return performance.now() - t;
};

async function generate(db: Db, n: number) {
  const started = performance.now();
  // One billing code and the five traffic brigades: every decision's expected entry is one subject and level.
  await exec(
    db,
    sql`
    insert into decisions (decision_number, unit_id, region_code, billing_code_id, project_code, fine_fen, served_on,
                           party_name, id_number, payment_status, paid_at)
    select 'BENCH-' || g, u.id, u.region_code, bc.id, bc.project_code, 20000 + (g % 50) * 100, date '2025-05-20',
           '测试人', '11010519491231002X', 'paid', timestamptz '2025-06-01 09:00+08'
      from generate_series(1, ${n}) g
      join units u on u.id = (g % 5) + 1
      cross join (select id, project_code from billing_codes where project_code = '00200430900' limit 1) bc`,
  );
  // Collections 09:00–16:59 local on every day of the month, banks in turn; K more are second payments.
  await exec(
    db,
    sql`
    insert into collections (bank_id, bank_txn_id, decision_number, decision_id, amount_fen, expected_fen, channel,
                             collected_at, business_date, received_at, matched_at, region_code)
    select (array['ICBC','ABC','BOC','CCB'])[((d.id / 30) % 4) + 1], 'BT-' || d.id, d.decision_number, d.id, d.fine_fen,
           d.fine_fen, 'counter', at, (at at time zone 'Asia/Shanghai')::date, at, at, d.region_code
      from (select d.*, timestamptz '2025-06-01 09:00+08' + ((d.id % 30) || ' days')::interval
                        + (((d.id / 30) % 480) || ' minutes')::interval as at
              from decisions d where d.decision_number like 'BENCH-%') d`,
  );
  await exec(
    db,
    sql`
    insert into collections (bank_id, bank_txn_id, decision_number, decision_id, amount_fen, expected_fen, channel,
                             collected_at, business_date, received_at, matched_at, region_code)
    select c.bank_id, 'DUP-' || c.id, c.decision_number, c.decision_id, c.amount_fen, c.amount_fen, 'counter',
           c.collected_at + interval '1 minute', c.business_date, c.received_at, c.matched_at, c.region_code
      from (select * from collections where bank_txn_id like 'BT-%' order by id limit ${K}) c`,
  );
  await exec(
    db,
    sql`
    insert into statement_lines (bank_id, account, value_date, bank_txn_id, amount_fen, kind, received_at)
    select bank_id, '0', business_date, bank_txn_id, amount_fen, 'collection', received_at
      from collections where business_date between ${days[0]} and ${days[days.length - 1]}`,
  );
  // collected_not_remitted: one collection before the cut-off left out of the transfers on K distinct
  // (bank, working day) pairs.
  const pairs = WORKDAYS.flatMap((d) => ['ICBC', 'ABC', 'BOC', 'CCB'].map((b) => [b, d])).slice(0, K);
  if (pairs.length < K) throw new Error(`at most ${WORKDAYS.length * 4} collected_not_remitted injections`);
  await exec(db, sql`create table bench_unremitted (collection_id bigint primary key)`);
  for (const [bank, day] of pairs)
    await exec(
      db,
      sql`insert into bench_unremitted
          select id from collections
           where bank_id = ${bank} and business_date = ${day} and bank_txn_id like 'BT-%'
             and to_char(collected_at at time zone 'Asia/Shanghai', 'HH24:MI') < '14:00'
           order by id limit 1`,
    );
  const [{ n: unremitted }] = (
    (await db.execute(sql`select count(*)::int as n from bench_unremitted`)) as unknown as {
      rows: { n: number }[];
    }
  ).rows;
  if (unremitted !== K)
    throw new Error(`only ${unremitted} collected_not_remitted injections could be placed`);
  // The bank remits every day's collections that day; the treasury enters each transfer that day.
  await exec(
    db,
    sql`
    insert into remittance_transfers (bank_id, reference, amount_fen, transferred_at, business_date, created_at)
    select c.bank_id, 'TR-' || c.bank_id || '-' || c.business_date, sum(c.amount_fen),
           (c.business_date + time '17:30') at time zone 'Asia/Shanghai', c.business_date, now()
      from collections c
     where c.business_date between ${days[0]} and ${days[days.length - 1]}
       and not exists (select 1 from bench_unremitted u where u.collection_id = c.id)
     group by c.bank_id, c.business_date`,
  );
  await exec(
    db,
    sql`
    insert into remittance_transfer_items (transfer_id, collection_id)
    select t.id, c.id from collections c
      join remittance_transfers t on t.reference = 'TR-' || c.bank_id || '-' || c.business_date
     where not exists (select 1 from bench_unremitted u where u.collection_id = c.id)`,
  );
  await exec(
    db,
    sql`
    insert into treasury_entries (treasury_id, entry_date, amount_fen, budget_subject_code, budget_level,
                                  transfer_reference, source, created_at)
    select (select id from treasuries order by id limit 1), t.business_date, t.amount_fen, bc.budget_subject_code,
           bc.budget_level, t.reference, 'import', now()
      from remittance_transfers t
      cross join (select budget_subject_code, budget_level from billing_codes where project_code = '00200430900' limit 1) bc
     where t.reference like 'TR-%'`,
  );
  // The other injections, each on K records of its own.
  await exec(
    db,
    sql`
    insert into statement_lines (bank_id, account, value_date, bank_txn_id, amount_fen, kind, received_at)
    select (array['ICBC','ABC','BOC','CCB'])[(g % 4) + 1], '0', (${days[0]}::date + (g % 30)), 'BNP-' || g, 12300, 'collection', now()
      from generate_series(1, ${K}) g`,
  );
  await exec(
    db,
    sql`
    insert into statement_lines (bank_id, account, value_date, bank_txn_id, amount_fen, kind, received_at)
    select (array['ICBC','ABC','BOC','CCB'])[(g % 4) + 1], '0', (${days[0]}::date + (g % 30)), 'OFF-' || g, 4500, 'offset', now()
      from generate_series(1, ${K}) g`,
  );
  // Far from the duplicates and the unremitted ones (lowest ids): platform_not_bank, then amount_mismatch.
  await exec(
    db,
    sql`
    delete from statement_lines where bank_txn_id in (
      select 'BT-' || d.id from decisions d where d.decision_number like 'BENCH-%' order by d.id desc limit ${K})`,
  );
  await exec(
    db,
    sql`
    update statement_lines set amount_fen = amount_fen + 1 where bank_txn_id in (
      select 'BT-' || d.id from decisions d where d.decision_number like 'BENCH-%' order by d.id desc offset ${K} limit ${K})`,
  );
  const transfers = sql`(select reference from remittance_transfers where reference like 'TR-%' order by id desc`;
  await exec(db, sql`delete from treasury_entries where transfer_reference in ${transfers} limit ${K})`);
  await exec(
    db,
    sql`update treasury_entries set budget_level = case when budget_level = 'county' then 'city' else 'county' end
         where transfer_reference in ${transfers} offset ${K} limit ${K})`,
  );
  // A month being reconciled has long been vacuumed (hint bits, visibility map) like any settled data.
  await exec(db, sql`vacuum analyze`);
  return performance.now() - started;
}

/** The same eight checks for the whole month in one read-only statement: the floor the run is compared with. */
const bareJoin = (from: string, to: string) => sql`
  select type, count(*)::int as n from (
    select 'bank_not_platform' as type from statement_lines s
     where s.value_date between ${from} and ${to} and s.kind = 'collection'
       and not exists (select 1 from collections c where c.bank_id = s.bank_id and c.bank_txn_id = s.bank_txn_id)
    union all
    select 'bank_not_platform' from collections c where c.business_date between ${from} and ${to} and c.decision_id is null
    union all
    select 'platform_not_bank' from collections c
     where c.business_date between ${from} and ${to} and c.decision_id is not null
       and not exists (select 1 from statement_lines s where s.bank_id = c.bank_id and s.bank_txn_id = c.bank_txn_id and s.kind = 'collection')
    union all
    select 'amount_mismatch' from collections c
      join statement_lines s on s.bank_id = c.bank_id and s.bank_txn_id = c.bank_txn_id and s.kind = 'collection'
     where c.business_date between ${from} and ${to} and s.amount_fen <> c.amount_fen
    union all
    select 'collected_not_remitted' from remittances r where r.due_date between ${from} and ${to} and r.status = 'overdue'
    union all
    select case when f.type = 'wrong_subject_level' then 'wrong_subject_level' else 'remitted_not_entered' end
      from entry_feedback f join remittance_transfers t on t.id = f.transfer_id
     where t.business_date between ${from} and ${to} and f.type in ('missing', 'partial', 'wrong_subject_level')
    union all
    select 'duplicate' from collections c2
     where c2.business_date between ${from} and ${to} and c2.decision_id is not null
       and exists (select 1 from collections c1 where c1.decision_id = c2.decision_id and c1.id < c2.id)
    union all
    select 'refund_without_voucher' from statement_lines s
     where s.value_date between ${from} and ${to} and s.kind in ('refund', 'offset')
       and (s.kind = 'offset' or not exists (select 1 from refunds rf join refund_vouchers v on v.refund_id = rf.id
                                              where rf.status = 'executed' and rf.amount_fen = s.amount_fen))
  ) f group by type`;

// BENCH_ONLY=postgresql|pglite runs one store.
const targets = (await benchTargets('reconcile')).filter(
  (t) => !process.env.BENCH_ONLY || t.name.toLowerCase() === process.env.BENCH_ONLY,
);
console.log(`bench:reconcile — month ${MONTH}, ${K} injected discrepancies of each type`);
let exact = true;
for (const target of targets) {
  const n = Number(process.env.BENCH_COLLECTIONS ?? (target.name === 'PostgreSQL' ? 1_000_000 : 100_000));
  console.log(`\n## ${target.name}: ${n.toLocaleString()} collections`);
  const database = await target.open();
  const config = loadConfig({
    APP_TODAY: '2026-03-16',
    SEED_DEMO: '1',
    DEMO_DECISIONS: '200',
    APP_SECRET_KEY: 'a'.repeat(64),
    LOG_LEVEL: 'error',
  });
  const clock = createClock(config.appToday);
  await prepareDatabase(database, config, clock);
  const { app, ctx } = await buildApp({ config, database, clock });
  const { db } = database;
  console.log(`generated in ${((await generate(db, n)) / 1000).toFixed(1)} s`);

  const [run] = await db
    .insert(reconciliationRuns)
    .values({
      periodType: 'month',
      periodStart: `${MONTH}-01`,
      status: 'queued',
      chunksTotal: 0,
      chunksDone: 0,
      found: 0,
      startedBy: 1,
      createdAt: clock.now(),
    })
    .returning();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const t0 = performance.now();
  await executeRun(ctx, run.id);
  const runMs = performance.now() - t0;
  clearInterval(sampler);
  const [done] = await db.select().from(reconciliationRuns).where(eq(reconciliationRuns.id, run.id));
  if (done.status !== 'completed') throw new Error(`run ${done.status}: ${done.error}`);

  const t1 = performance.now();
  const bare = (await db.execute(bareJoin(days[0], days[days.length - 1]))) as unknown as {
    rows: { type: string; n: number }[];
  };
  const bareMs = performance.now() - t1;

  const found = await db
    .select({ type: discrepancies.type, n: count() })
    .from(discrepancies)
    .where(sql`${discrepancies.runId} = ${run.id}`)
    .groupBy(discrepancies.type);
  console.log(
    `run: ${(runMs / 1000).toFixed(2)} s (${done.chunksTotal} chunks)   peak RSS ${Math.round(peak / 1048576)} MB`,
  );
  console.log(
    `bare SQL join for the month: ${(bareMs / 1000).toFixed(2)} s   run / bare join = ${(runMs / bareMs).toFixed(2)}×`,
  );
  console.log('targets on PostgreSQL: ≤ 20 s, ≤ 1.2× the bare join, RSS ≤ 1 GiB');
  console.log('type                      injected  found  bare join');
  for (const type of DISCREPANCY_TYPES) {
    const f = found.find((r) => r.type === type)?.n ?? 0;
    const b = Number(bare.rows.find((r) => r.type === type)?.n ?? 0);
    if (f !== K) exact = false;
    console.log(
      `${type.padEnd(26)}${String(K).padStart(8)}${String(f).padStart(7)}${String(b).padStart(11)}${f === K ? '' : '   ✗'}`,
    );
  }
  await app.close();
  await database.close();
  await target.cleanup();
}
console.log(exact ? '\nfound = injected for every type' : '\nMISMATCH: found ≠ injected');
process.exit(exact ? 0 : 1);
