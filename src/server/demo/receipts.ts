import { sql } from 'drizzle-orm';
import { addCalendarDays } from '../../domain/dates';
import type { Tx } from '../audit/log';
import { UNITS } from './world';

const FINANCE_ID = 2;
const PAPER = [
  { type: 'payment_form', first: 100_001, total: 20_000, perUnit: 1_000 },
  { type: 'onsite_receipt', first: 500_001, total: 5_000, perUnit: 300 },
] as const;
// 城中大队 keeps used stubs older than the 验旧换新 period unchecked: finance cannot send it new stock.
export const STALE_STUB_UNIT = 2;
// 民和大队's e-receipt segment runs out before its last collections: those receipts wait in the queue.
const SHORT_SEGMENT_UNIT = 5;

/** Holders passed going down from the province to a unit (city, county when there is one, the unit). */
function hops(regionCode: string, unitId: number) {
  const path: { region: string; unit: number | null }[] = [];
  for (let len = 4; len <= regionCode.length; len += 2)
    path.push({ region: regionCode.slice(0, len), unit: null });
  path.push({ region: regionCode, unit: unitId });
  return path;
}

/**
 * Receipt stock for every unit: purchases, allocations down the hierarchy, paper receipts for paid
 * decisions (a few void, old ones written off), and an e-receipt for every matched collection.
 */
export async function seedReceipts(tx: Tx, today: string, now: Date) {
  const purchasedOn = addCalendarDays(today, -175);
  const allocatedOn = addCalendarDays(today, -170);
  const writtenOffBefore = addCalendarDays(today, -60);
  for (const p of PAPER) {
    const end = p.first + p.total - 1;
    const [{ id: batchId }] = (
      (await tx.execute(sql`
        INSERT INTO receipt_batches (type_code, start_no, end_no, region_code, purchased_on, note, created_by, created_at)
        VALUES (${p.type}, ${p.first}, ${end}, '63', ${purchasedOn}, '年度领购', ${FINANCE_ID}, ${now})
        RETURNING id`)) as unknown as { rows: { id: number }[] }
    ).rows;
    await tx.execute(sql`
      INSERT INTO receipt_movements (kind, type_code, batch_id, start_no, end_no, to_region, moved_on, actor_id, at)
      VALUES ('purchase', ${p.type}, ${batchId}, ${p.first}, ${end}, '63', ${purchasedOn}, ${FINANCE_ID}, ${now})`);
    for (const [i, u] of UNITS.entries()) {
      const start = p.first + i * p.perUnit;
      const stop = start + p.perUnit - 1;
      await tx.execute(sql`
        INSERT INTO receipt_holdings (type_code, batch_id, start_no, end_no, region_code, unit_id, received_on)
        VALUES (${p.type}, ${batchId}, ${start}, ${stop}, ${u.regionCode}, ${u.id}, ${allocatedOn})`);
      let from: { region: string; unit: number | null } = { region: '63', unit: null };
      for (const hop of hops(u.regionCode, u.id)) {
        await tx.execute(sql`
          INSERT INTO receipt_movements (kind, type_code, batch_id, start_no, end_no, from_region, from_unit_id,
                                         to_region, to_unit_id, moved_on, actor_id, at)
          VALUES ('allocate', ${p.type}, ${batchId}, ${start}, ${stop}, ${from.region}, ${from.unit},
                  ${hop.region}, ${hop.unit}, ${allocatedOn}, ${FINANCE_ID}, ${now})`);
        from = hop;
      }
    }
    const rest = p.first + UNITS.length * p.perUnit;
    await tx.execute(sql`
      INSERT INTO receipt_holdings (type_code, batch_id, start_no, end_no, region_code, received_on)
      VALUES (${p.type}, ${batchId}, ${rest}, ${end}, '63', ${purchasedOn})`);
  }

  // 专用缴款书 for up to 40 paid decisions per unit, numbered in order of payment from the unit's range.
  const formFirst = PAPER[0].first;
  const formPer = PAPER[0].perUnit;
  await tx.execute(sql`
    INSERT INTO receipts (type_code, number, unit_id, region_code, status, decision_id, collection_id, amount_fen,
                          issued_on, issued_at, issued_by, void_reason, voided_at, voided_by)
    SELECT 'payment_form', ${formFirst} + (u.id - 1) * ${formPer} + x.rn - 1, x.unit_id, x.region_code,
           CASE WHEN x.rn % 25 = 0 THEN 'void' ELSE 'issued' END,
           x.id, x.collection_id, x.fine_fen, x.paid_on, x.paid_at, usr.id,
           CASE WHEN x.rn % 25 = 0 THEN '填写错误，已重开' END,
           CASE WHEN x.rn % 25 = 0 THEN x.paid_at END,
           CASE WHEN x.rn % 25 = 0 THEN usr.id END
    FROM (
      SELECT d.id, d.unit_id, d.region_code, d.fine_fen, d.paid_at,
             (d.paid_at AT TIME ZONE 'Asia/Shanghai')::date AS paid_on,
             (SELECT min(c.id) FROM collections c WHERE c.decision_id = d.id) AS collection_id,
             row_number() OVER (PARTITION BY d.unit_id ORDER BY d.paid_at, d.id) AS rn
      FROM decisions d WHERE d.paid_at IS NOT NULL
    ) x
    JOIN units u ON u.id = x.unit_id
    LEFT JOIN users usr ON usr.unit_id = x.unit_id AND usr.role = 'unit'
    WHERE x.rn <= 40`);

  // Stubs older than 60 days were checked and written off (缴销), except at the stale-stub unit.
  await tx.execute(sql`
    WITH old AS (
      SELECT unit_id, min(region_code) AS region_code, min(number) AS lo, max(number) AS hi, count(*)::int AS n,
             min(issued_on) AS first_on
      FROM receipts
      WHERE type_code = 'payment_form' AND issued_on < ${writtenOffBefore} AND unit_id <> ${STALE_STUB_UNIT}
      GROUP BY unit_id
    ), w AS (
      INSERT INTO receipt_write_offs (unit_id, region_code, type_code, start_no, end_no, count, status, note,
                                      requested_by, requested_at, decided_by, decided_at)
      SELECT old.unit_id, old.region_code, 'payment_form', old.lo, old.hi, old.n, 'approved', '季度缴销',
             coalesce((SELECT id FROM users WHERE unit_id = old.unit_id AND role = 'unit' LIMIT 1), ${FINANCE_ID}),
             ${now}, ${FINANCE_ID}, ${now}
      FROM old
      RETURNING id, unit_id, start_no, end_no
    )
    UPDATE receipts r SET written_off_at = ${now}, write_off_id = w.id
    FROM w WHERE r.unit_id = w.unit_id AND r.type_code = 'payment_form' AND r.number BETWEEN w.start_no AND w.end_no`);

  // E-receipt segments per unit and year (预附码 63 01 01 YY), one e-receipt per matched collection.
  await tx.execute(sql`
    WITH per AS (
      SELECT d.unit_id, extract(year FROM c.collected_at AT TIME ZONE 'Asia/Shanghai')::int AS yr, count(*)::int AS n
      FROM collections c JOIN decisions d ON d.id = c.decision_id
      GROUP BY d.unit_id, yr
    )
    INSERT INTO e_receipt_segments (unit_id, code, start_no, end_no, next_no, created_by, created_at)
    SELECT unit_id, '630101' || lpad((yr % 100)::text, 2, '0'),
           unit_id * 100000 + 1,
           unit_id * 100000 + CASE WHEN unit_id = ${SHORT_SEGMENT_UNIT} AND yr = ${Number(today.slice(0, 4))} THEN greatest(n - 3, 1) ELSE n + 2000 END,
           unit_id * 100000 + 1, ${FINANCE_ID}, ${now}
    FROM per`);
  await tx.execute(sql`
    WITH numbered AS (
      SELECT c.id AS collection_id, c.amount_fen, c.collected_at, d.id AS decision_id, d.unit_id, d.region_code,
             '630101' || lpad((extract(year FROM c.collected_at AT TIME ZONE 'Asia/Shanghai')::int % 100)::text, 2, '0') AS code,
             row_number() OVER (
               PARTITION BY d.unit_id, extract(year FROM c.collected_at AT TIME ZONE 'Asia/Shanghai')
               ORDER BY c.collected_at, c.id) AS rn
      FROM collections c JOIN decisions d ON d.id = c.decision_id
    )
    INSERT INTO receipts (type_code, code, number, unit_id, region_code, status, decision_id, collection_id,
                          amount_fen, issued_on, issued_at, check_code, token, written_off_at)
    SELECT 'e_receipt', n.code, s.start_no + n.rn - 1, n.unit_id, n.region_code, 'issued', n.decision_id,
           n.collection_id, n.amount_fen, (n.collected_at AT TIME ZONE 'Asia/Shanghai')::date, n.collected_at,
           translate(upper(substr(replace(gen_random_uuid()::text, '-', ''), 1, 6)), '01', 'GH'),
           replace(gen_random_uuid()::text, '-', ''), n.collected_at
    FROM numbered n JOIN e_receipt_segments s ON s.unit_id = n.unit_id AND s.code = n.code
    WHERE s.start_no + n.rn - 1 <= s.end_no`);
  await tx.execute(sql`
    UPDATE e_receipt_segments s SET next_no = coalesce(
      (SELECT max(r.number) + 1 FROM receipts r WHERE r.type_code = 'e_receipt' AND r.code = s.code AND r.unit_id = s.unit_id),
      s.start_no)`);
  await tx.execute(sql`
    INSERT INTO e_receipt_queue (collection_id, unit_id, reason, queued_at)
    SELECT c.id, d.unit_id, 'segment_exhausted', ${now}
    FROM collections c JOIN decisions d ON d.id = c.decision_id
    WHERE NOT EXISTS (SELECT 1 FROM receipts r WHERE r.collection_id = c.id AND r.type_code = 'e_receipt')`);
  // Executed refunds mark the receipts of their decision.
  await tx.execute(sql`
    UPDATE receipts r SET refund_status = d.payment_status,
      refund_id = (SELECT max(f.id) FROM refunds f WHERE f.decision_id = d.id AND f.status = 'executed')
    FROM decisions d
    WHERE d.id = r.decision_id AND d.payment_status IN ('refunded', 'partially_refunded') AND r.status = 'issued'`);
  const [{ n }] = (
    (await tx.execute(sql`SELECT count(*)::int AS n FROM receipts`)) as unknown as {
      rows: { n: number }[];
    }
  ).rows;
  return n;
}
