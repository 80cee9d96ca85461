import {
  and,
  asc,
  type Column,
  count,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  like,
  lte,
  sql,
} from 'drizzle-orm';
import {
  balance,
  RECEIPT_TYPES,
  type ReceiptFindingType,
  shanghaiDate,
  staleBefore,
  voidRateTooHigh,
} from '../../domain';
import type { Actor } from '../../domain/roles';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import {
  decisions,
  eReceiptQueue,
  eReceiptSegments,
  receiptBatches,
  receiptHoldings,
  receiptMovements,
  receipts,
  receiptWriteOffs,
  regions,
  units,
} from '../db/schema';

export interface BalanceRow {
  id: string;
  typeCode: string;
  regionCode: string;
  unitId: number | null;
  holderName: string;
  level: string;
  received: number;
  passedOn: number;
  used: number;
  voided: number;
  writtenOff: number;
  balance: number;
}

const size = sql<number>`sum(${receiptMovements.endNo} - ${receiptMovements.startNo} + 1)`.mapWith(Number);

/**
 * 结存 at the end of `date` for every holder in the caller's region (a unit: its own only):
 * received − passed on − used, from the movement log and the receipts, never from current holdings,
 * so any past date can be reported.
 */
export async function balanceReport(db: Db, actor: Actor, date: string): Promise<BalanceRow[]> {
  const [regionRows, unitRows] = await Promise.all([db.select().from(regions), db.select().from(units)]);
  const rows = new Map<string, BalanceRow>();
  const row = (typeCode: string, regionCode: string, unitId: number | null) => {
    const id = `${typeCode}/${regionCode}/${unitId ?? ''}`;
    let r = rows.get(id);
    if (!r) {
      const unit = unitRows.find((u) => u.id === unitId);
      const region = regionRows.find((g) => g.code === regionCode);
      r = {
        id,
        typeCode,
        regionCode,
        unitId,
        holderName: unit?.name ?? `${region?.name ?? regionCode} 财政`,
        level: unit ? 'unit' : (region?.level ?? 'region'),
        received: 0,
        passedOn: 0,
        used: 0,
        voided: 0,
        writtenOff: 0,
        balance: 0,
      };
      rows.set(id, r);
    }
    return r;
  };
  const [incoming, outgoing, used, segments] = await Promise.all([
    db
      .select({
        typeCode: receiptMovements.typeCode,
        regionCode: receiptMovements.toRegion,
        unitId: receiptMovements.toUnitId,
        n: size,
      })
      .from(receiptMovements)
      .where(lte(receiptMovements.movedOn, date))
      .groupBy(receiptMovements.typeCode, receiptMovements.toRegion, receiptMovements.toUnitId),
    db
      .select({
        typeCode: receiptMovements.typeCode,
        regionCode: receiptMovements.fromRegion,
        unitId: receiptMovements.fromUnitId,
        n: size,
      })
      .from(receiptMovements)
      .where(and(lte(receiptMovements.movedOn, date), isNotNull(receiptMovements.fromRegion)))
      .groupBy(receiptMovements.typeCode, receiptMovements.fromRegion, receiptMovements.fromUnitId),
    db
      .select({
        typeCode: receipts.typeCode,
        unitId: receipts.unitId,
        used: count(),
        voided: sql<number>`count(*) filter (where ${receipts.status} = 'void')`.mapWith(Number),
        writtenOff: sql<number>`count(*) filter (where ${receipts.writtenOffAt} is not null)`.mapWith(Number),
      })
      .from(receipts)
      .where(lte(receipts.issuedOn, date))
      .groupBy(receipts.typeCode, receipts.unitId),
    db
      .select({
        unitId: eReceiptSegments.unitId,
        n: sql<number>`sum(${eReceiptSegments.endNo} - ${eReceiptSegments.startNo} + 1)`.mapWith(Number),
      })
      .from(eReceiptSegments)
      .where(sql`(${eReceiptSegments.createdAt} at time zone 'Asia/Shanghai')::date <= ${date}`)
      .groupBy(eReceiptSegments.unitId),
  ]);
  for (const m of incoming) row(m.typeCode, m.regionCode, m.unitId).received += m.n;
  for (const m of outgoing) if (m.regionCode) row(m.typeCode, m.regionCode, m.unitId).passedOn += m.n;
  for (const s of segments) {
    const unit = unitRows.find((u) => u.id === s.unitId);
    if (unit) row('e_receipt', unit.regionCode, unit.id).received += s.n;
  }
  for (const u of used) {
    const unit = unitRows.find((x) => x.id === u.unitId);
    if (!unit) continue;
    const r = row(u.typeCode, unit.regionCode, unit.id);
    r.used += u.used;
    r.voided += u.voided;
    r.writtenOff += u.writtenOff;
  }
  const typeOrder = RECEIPT_TYPES.map((t) => t.code as string);
  return [...rows.values()]
    .filter((r) =>
      actor.role === 'unit' ? r.unitId === actor.unitId : r.regionCode.startsWith(actor.regionCode),
    )
    .map((r) => ({ ...r, balance: balance(r) }))
    .sort(
      (a, b) =>
        typeOrder.indexOf(a.typeCode) - typeOrder.indexOf(b.typeCode) ||
        a.regionCode.localeCompare(b.regionCode) ||
        (a.unitId ?? 0) - (b.unitId ?? 0),
    );
}

export interface Finding {
  id: string;
  type: ReceiptFindingType;
  unitId: number;
  unitName: string;
  typeCode: string;
  count: number;
  detail: string;
}

/** Low stock, gaps, receipts without payment, void rate, unchecked stubs, queued e-receipts — per unit. */
export async function findings(ctx: AppContext, actor: Actor): Promise<Finding[]> {
  const { db } = ctx.database;
  const { config } = ctx;
  const today = shanghaiDate(ctx.clock.now());
  const unitScope =
    actor.role === 'unit' ? eq(units.id, actor.unitId ?? -1) : like(units.regionCode, `${actor.regionCode}%`);
  // The caller's units, as a subquery every reading below is limited to: scope lives in the queries.
  const scopedIds = db.select({ id: units.id }).from(units).where(unitScope);
  const inScope = (column: Column) => inArray(column, scopedIds);
  const unitRows = await db.select().from(units).where(unitScope);
  const byId = new Map(unitRows.map((u) => [u.id, u]));
  const out: Finding[] = [];
  const add = (type: ReceiptFindingType, unitId: number, typeCode: string, n: number, detail: string) => {
    const unit = byId.get(unitId);
    if (unit)
      out.push({
        id: `${type}/${unitId}/${typeCode}`,
        type,
        unitId,
        unitName: unit.name,
        typeCode,
        count: n,
        detail,
      });
  };
  const balances = await balanceReport(db, actor, today);
  for (const b of balances)
    if (b.unitId !== null && b.typeCode !== 'e_receipt' && b.balance < config.receiptLowStock)
      add(
        'low_stock',
        b.unitId,
        b.typeCode,
        b.balance,
        `${b.balance} unused left (threshold ${config.receiptLowStock})`,
      );

  // E-receipts are numbered from this year's segments only (the code carries the year).
  const eLeft = await db
    .select({
      unitId: units.id,
      left: sql<number>`coalesce(sum(${eReceiptSegments.endNo} - ${eReceiptSegments.nextNo} + 1), 0)`.mapWith(
        Number,
      ),
    })
    .from(units)
    .leftJoin(
      eReceiptSegments,
      and(eq(eReceiptSegments.unitId, units.id), like(eReceiptSegments.code, `______${today.slice(2, 4)}`)),
    )
    .where(unitScope)
    .groupBy(units.id);
  for (const e of eLeft)
    if (e.left < config.receiptLowStock)
      add(
        'low_stock',
        e.unitId,
        'e_receipt',
        e.left,
        `${e.left} e-receipt numbers left this year (threshold ${config.receiptLowStock})`,
      );

  // Gaps: per unit holding, numbers below the highest used one that were never used.
  // Both drivers answer raw SQL with `{ rows }`.
  const gaps = (await db.execute(sql`
    SELECT h.unit_id AS "unitId", h.type_code AS "typeCode",
           sum(m.top - h.start_no + 1 - m.used)::int AS gaps
    FROM receipt_holdings h
    CROSS JOIN LATERAL (
      SELECT max(r.number) AS top, count(*) AS used FROM receipts r
      WHERE r.type_code = h.type_code AND r.code = '' AND r.number BETWEEN h.start_no AND h.end_no
    ) m
    WHERE h.unit_id IS NOT NULL AND m.top IS NOT NULL AND h.unit_id IN ${scopedIds}
    GROUP BY h.unit_id, h.type_code
    HAVING sum(m.top - h.start_no + 1 - m.used) > 0`)) as unknown as {
    rows: { unitId: number; typeCode: string; gaps: number }[];
  };
  for (const g of gaps.rows)
    add('gap_in_use', g.unitId, g.typeCode, g.gaps, `${g.gaps} number(s) skipped below the last one used`);

  const unpaid = await db
    .select({ unitId: receipts.unitId, typeCode: receipts.typeCode, n: count() })
    .from(receipts)
    .leftJoin(decisions, eq(decisions.id, receipts.decisionId))
    .where(
      and(
        inScope(receipts.unitId),
        eq(receipts.status, 'issued'),
        sql`${receipts.typeCode} <> 'e_receipt'`,
        sql`(${decisions.id} IS NULL OR ${decisions.paymentStatus} = 'unpaid')`,
      ),
    )
    .groupBy(receipts.unitId, receipts.typeCode);
  for (const u of unpaid)
    add(
      'issued_without_payment',
      u.unitId,
      u.typeCode,
      u.n,
      `${u.n} receipt(s) for decisions with no payment`,
    );

  const voids = await db
    .select({
      unitId: receipts.unitId,
      typeCode: receipts.typeCode,
      used: count(),
      voided: sql<number>`count(*) filter (where ${receipts.status} = 'void')`.mapWith(Number),
    })
    .from(receipts)
    .where(inScope(receipts.unitId))
    .groupBy(receipts.unitId, receipts.typeCode);
  for (const v of voids)
    if (voidRateTooHigh(v.voided, v.used, config.receiptVoidRate))
      add(
        'void_rate',
        v.unitId,
        v.typeCode,
        v.voided,
        `${v.voided} of ${v.used} void (${((v.voided / v.used) * 100).toFixed(1)}% > ${(config.receiptVoidRate * 100).toFixed(1)}%)`,
      );

  const before = staleBefore(today, config.receiptStaleDays);
  const stale = await db
    .select({ unitId: receipts.unitId, typeCode: receipts.typeCode, n: count() })
    .from(receipts)
    .where(
      and(inScope(receipts.unitId), isNull(receipts.writtenOffAt), sql`${receipts.issuedOn} < ${before}`),
    )
    .groupBy(receipts.unitId, receipts.typeCode);
  for (const s of stale)
    add(
      'unchecked_stubs',
      s.unitId,
      s.typeCode,
      s.n,
      `${s.n} used stub(s) issued before ${before} not written off`,
    );

  const queued = await db
    .select({ unitId: eReceiptQueue.unitId, n: count() })
    .from(eReceiptQueue)
    .where(and(inScope(eReceiptQueue.unitId), isNull(eReceiptQueue.receiptId)))
    .groupBy(eReceiptQueue.unitId);
  for (const q of queued)
    add('e_receipt_queued', q.unitId, 'e_receipt', q.n, `${q.n} e-receipt(s) waiting for a segment`);
  return out;
}

/** Everything that happened to one number: its purchase, each hand-over, its use and write-off. */
export async function numberHistory(db: Db, typeCode: string, number: number, code = '') {
  const inRange = <T extends typeof receiptBatches | typeof receiptMovements>(t: T) =>
    and(eq(t.typeCode, typeCode), lte(t.startNo, number), gte(t.endNo, number));
  const [batch] = code ? [] : await db.select().from(receiptBatches).where(inRange(receiptBatches));
  const movements = code
    ? []
    : await db
        .select()
        .from(receiptMovements)
        .where(inRange(receiptMovements))
        .orderBy(asc(receiptMovements.id));
  const [receipt] = await db
    .select()
    .from(receipts)
    .where(and(eq(receipts.typeCode, typeCode), eq(receipts.code, code), eq(receipts.number, number)));
  const [writeOff] = receipt?.writeOffId
    ? await db.select().from(receiptWriteOffs).where(eq(receiptWriteOffs.id, receipt.writeOffId))
    : [];
  const [holding] = code
    ? []
    : await db
        .select()
        .from(receiptHoldings)
        .where(
          and(
            eq(receiptHoldings.typeCode, typeCode),
            lte(receiptHoldings.startNo, number),
            gte(receiptHoldings.endNo, number),
          ),
        );
  const [segment] = code
    ? await db
        .select()
        .from(eReceiptSegments)
        .where(
          and(
            eq(eReceiptSegments.code, code),
            lte(eReceiptSegments.startNo, number),
            gte(eReceiptSegments.endNo, number),
          ),
        )
    : [];
  // Holders by name, so the history reads "青海省 财政 → 西宁市 财政 → 城东大队".
  const [regionRows, unitRows] = await Promise.all([db.select().from(regions), db.select().from(units)]);
  const holderName = (region: string | null, unitId: number | null) =>
    unitId !== null
      ? (unitRows.find((u) => u.id === unitId)?.name ?? String(unitId))
      : region
        ? `${regionRows.find((r) => r.code === region)?.name ?? region} 财政`
        : null;
  return {
    typeCode,
    code,
    number,
    batch: batch ?? null,
    movements: movements.map((m) => ({
      ...m,
      fromName: holderName(m.fromRegion, m.fromUnitId),
      toName: holderName(m.toRegion, m.toUnitId),
    })),
    unitName: receipt ? holderName(receipt.regionCode, receipt.unitId) : null,
    holding: holding ?? null,
    segment: segment ?? null,
    receipt: receipt ?? null,
    writeOff: writeOff ?? null,
  };
}
