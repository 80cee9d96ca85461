import { and, asc, eq, gte, inArray, isNull, lt, lte, max, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type allocationInputSchema,
  carve,
  compressNumbers,
  type Holder,
  type NumberRange,
  type receiptBatchInputSchema,
  type receiptIssueSchema,
  shanghaiDate,
  staleBefore,
  type writeOffInputSchema,
} from '../../domain';
import type { Actor } from '../../domain/roles';
import type { Tx } from '../audit/log';
import type { AppContext } from '../context';
import {
  collections,
  decisions,
  receiptBatches,
  receiptHoldings,
  receiptMovements,
  receipts,
  receiptTypes,
  receiptWriteOffs,
  regions,
  units,
} from '../db/schema';
import { EXCLUSION_VIOLATION, pgErrorCode, UNIQUE_VIOLATION } from '../http/db-errors';
import { badRequest, conflict, forbidden, notFound, unprocessable } from '../http/errors';
import { assertStep } from '../http/refusal';

/** A holder as stored: a region's finance office (unitId null) or a unit (with its region). */
export interface HolderKey {
  regionCode: string;
  unitId: number | null;
}

const typeName = async (tx: Tx, code: string) =>
  (await tx.select({ name: receiptTypes.name }).from(receiptTypes).where(eq(receiptTypes.code, code)))[0]
    ?.name ?? code;

// Any constant distinct from the audit chain's; all stock writers agree on it.
const STOCK_LOCK = 7_310_002;

const holderWhere = (h: HolderKey) =>
  and(
    eq(receiptHoldings.regionCode, h.regionCode),
    h.unitId === null ? isNull(receiptHoldings.unitId) : eq(receiptHoldings.unitId, h.unitId),
  );

export async function resolveHolder(tx: Tx, h: Holder): Promise<HolderKey> {
  if ('unitId' in h) {
    const [u] = await tx.select().from(units).where(eq(units.id, h.unitId));
    if (!u) throw badRequest('Unknown unit', { unitId: { code: 'unknown_reference' } });
    return { regionCode: u.regionCode, unitId: u.id };
  }
  const [r] = await tx.select().from(regions).where(eq(regions.code, h.regionCode));
  if (!r) throw badRequest('Unknown region', { regionCode: { code: 'unknown_reference' } });
  return { regionCode: r.code, unitId: null };
}

/** Holders passed through going down from `from` to `to`, `to` included (province → city → county → unit). */
export function pathDown(from: HolderKey, to: HolderKey): HolderKey[] | null {
  if (from.unitId !== null) return null;
  if (!to.regionCode.startsWith(from.regionCode)) return null;
  if (to.unitId === null && to.regionCode === from.regionCode) return null;
  const hops: HolderKey[] = [];
  for (let len = from.regionCode.length + 2; len <= to.regionCode.length; len += 2)
    hops.push({ regionCode: to.regionCode.slice(0, len), unitId: null });
  if (to.unitId !== null) hops.push(to);
  return hops;
}

/** 领购: a purchase by finance of the caller's region; an overlapping range of the same type is a 409. */
export async function purchase(
  ctx: AppContext,
  actor: Actor,
  input: z.infer<typeof receiptBatchInputSchema>,
  ip: string,
) {
  const { db } = ctx.database;
  const clash = async (tx: Tx) => {
    const [other] = await tx
      .select()
      .from(receiptBatches)
      .where(
        and(
          eq(receiptBatches.typeCode, input.typeCode),
          lte(receiptBatches.startNo, input.endNo),
          gte(receiptBatches.endNo, input.startNo),
        ),
      )
      .limit(1);
    if (!other) return null;
    return conflict(
      'receipt_range_overlap',
      `${await typeName(tx, input.typeCode)} ${input.startNo}–${input.endNo} overlaps purchase #${other.id} (${other.startNo}–${other.endNo}, ${other.purchasedOn})`,
    );
  };
  try {
    return await db.transaction(async (tx) => {
      const known = await clash(tx);
      if (known) throw known;
      const now = ctx.clock.now();
      const [batch] = await tx
        .insert(receiptBatches)
        .values({ ...input, regionCode: actor.regionCode, createdBy: actor.id, createdAt: now })
        .returning();
      await tx.insert(receiptHoldings).values({
        typeCode: input.typeCode,
        batchId: batch.id,
        startNo: input.startNo,
        endNo: input.endNo,
        regionCode: actor.regionCode,
        receivedOn: input.purchasedOn,
      });
      await tx.insert(receiptMovements).values({
        kind: 'purchase',
        typeCode: input.typeCode,
        batchId: batch.id,
        startNo: input.startNo,
        endNo: input.endNo,
        toRegion: actor.regionCode,
        movedOn: input.purchasedOn,
        actorId: actor.id,
        at: now,
      });
      await ctx.audit.record(tx, {
        actor,
        action: 'create',
        resource: 'receipt-batches',
        recordId: batch.id,
        after: batch,
        ip,
      });
      return batch;
    });
  } catch (e) {
    // Two purchases racing past the check: the exclusion constraint refuses the second.
    if (pgErrorCode(e) === EXCLUSION_VIOLATION)
      throw (await db.transaction((tx) => clash(tx))) ?? conflict('receipt_range_overlap', 'Range overlaps');
    throw e;
  }
}

/** Used stubs of a unit older than the period and not yet written off (验旧换新). */
export async function uncheckedStubNumbers(tx: Tx, ctx: AppContext, unitId: number, typeCode: string) {
  const before = staleBefore(shanghaiDate(ctx.clock.now()), ctx.config.receiptStaleDays);
  const rows = await tx
    .select({ number: receipts.number })
    .from(receipts)
    .where(
      and(
        eq(receipts.unitId, unitId),
        eq(receipts.typeCode, typeCode),
        isNull(receipts.writtenOffAt),
        lt(receipts.issuedOn, before),
      ),
    )
    .orderBy(asc(receipts.number));
  return { before, numbers: rows.map((r) => r.number) };
}

/** The part of each holding nobody has used yet: for a unit, what lies above its highest issued number. */
async function freeRanges(tx: Tx, typeCode: string, holder: HolderKey) {
  // A concurrent allocation deletes the holder's rows and inserts their remainders: a row lock taken
  // after it would find the old rows gone and not see the new ones ("only 0 unused numbers" with
  // thousands left). One lock per holder and type, taken before reading, makes the next one wait
  // and then read the remainders.
  await tx.execute(
    sql`select pg_advisory_xact_lock(${STOCK_LOCK}, hashtext(${`${typeCode}:${holder.regionCode}:${holder.unitId ?? ''}`}))`,
  );
  const held = await tx
    .select()
    .from(receiptHoldings)
    .where(and(eq(receiptHoldings.typeCode, typeCode), holderWhere(holder)))
    .orderBy(asc(receiptHoldings.startNo))
    .for('update');
  const out: (NumberRange & { holding: typeof receiptHoldings.$inferSelect })[] = [];
  for (const h of held) {
    let start = h.startNo;
    if (holder.unitId !== null) {
      const [{ top }] = await tx
        .select({ top: max(receipts.number) })
        .from(receipts)
        .where(
          and(
            eq(receipts.typeCode, typeCode),
            eq(receipts.code, ''),
            gte(receipts.number, h.startNo),
            lte(receipts.number, h.endNo),
          ),
        );
      if (top !== null) start = Number(top) + 1;
    }
    if (start <= h.endNo) out.push({ startNo: start, endNo: h.endNo, holding: h });
  }
  return out;
}

/**
 * 发放 down the hierarchy (each hop recorded, so every level's balance adds up) or a transfer back up.
 * One transaction: the holder's ranges are split and the pieces change hands together.
 */
export function allocate(
  ctx: AppContext,
  actor: Actor,
  input: z.infer<typeof allocationInputSchema>,
  ip: string,
) {
  return ctx.database.db.transaction((tx) => allocateIn(tx, ctx, actor, input, ip));
}

/** The allocation inside the caller's transaction (a fulfilled stock request commits with it). */
export async function allocateIn(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  input: z.infer<typeof allocationInputSchema>,
  ip: string,
) {
  const from = await resolveHolder(tx, input.from);
  const to = await resolveHolder(tx, input.to);
  if (!from.regionCode.startsWith(actor.regionCode) || !to.regionCode.startsWith(actor.regionCode))
    throw forbidden('Both holders must lie inside your region');
  const down = pathDown(from, to);
  const up = down ? null : pathDown(to, from);
  if (!down && !up)
    throw badRequest('Stock moves only down the hierarchy or back up the same branch', {
      to: { code: 'invalid' },
    });
  // Hops walked from the source: down the path, or up it in reverse ending at the target.
  const hops = down ?? [...(up ?? []).slice(0, -1).reverse(), to];
  if (down && to.unitId !== null) {
    const stale = await uncheckedStubNumbers(tx, ctx, to.unitId, input.typeCode);
    if (stale.numbers.length > 0)
      throw unprocessable(
        'unchecked_stubs',
        `The unit holds ${stale.numbers.length} used stub(s) issued before ${stale.before} that are not checked and written off: ${compressNumbers(stale.numbers)}`,
        undefined,
        { numbers: stale.numbers.slice(0, 200), before: stale.before },
      );
  }
  const free = await freeRanges(tx, input.typeCode, from);
  const cut = carve(free, input.count);
  if (!cut) {
    const available = free.reduce((n, r) => n + r.endNo - r.startNo + 1, 0);
    throw unprocessable(
      'insufficient_stock',
      `Only ${available} unused ${await typeName(tx, input.typeCode)} numbers are held; ${input.count} requested`,
      { count: { code: 'too_big', params: { max: available } } },
    );
  }
  const today = shanghaiDate(ctx.clock.now());
  const now = ctx.clock.now();
  const touched = [...new Set(cut.moved.map((m) => m.from.holding))];
  await tx.delete(receiptHoldings).where(
    inArray(
      receiptHoldings.id,
      touched.map((h) => h.id),
    ),
  );
  const pieces: (typeof receiptHoldings.$inferInsert)[] = [];
  for (const h of touched) {
    const freeStart = free.find((f) => f.holding.id === h.id)?.startNo ?? h.startNo;
    const keep = { typeCode: h.typeCode, batchId: h.batchId, regionCode: h.regionCode, unitId: h.unitId };
    if (freeStart > h.startNo)
      pieces.push({ ...keep, startNo: h.startNo, endNo: freeStart - 1, receivedOn: h.receivedOn });
    const left = cut.left.find((l) => l.from.holding.id === h.id);
    if (left) pieces.push({ ...keep, startNo: left.startNo, endNo: left.endNo, receivedOn: h.receivedOn });
  }
  for (const m of cut.moved)
    pieces.push({
      typeCode: input.typeCode,
      batchId: m.from.holding.batchId,
      startNo: m.startNo,
      endNo: m.endNo,
      regionCode: to.regionCode,
      unitId: to.unitId,
      receivedOn: today,
    });
  await tx.insert(receiptHoldings).values(pieces);
  const movements: (typeof receiptMovements.$inferInsert)[] = [];
  let prev = from;
  for (const hop of hops) {
    for (const m of cut.moved)
      movements.push({
        kind: down ? 'allocate' : 'return',
        typeCode: input.typeCode,
        batchId: m.from.holding.batchId,
        startNo: m.startNo,
        endNo: m.endNo,
        fromRegion: prev.regionCode,
        fromUnitId: prev.unitId,
        toRegion: hop.regionCode,
        toUnitId: hop.unitId,
        movedOn: today,
        actorId: actor.id,
        at: now,
      });
    prev = hop;
  }
  const saved = await tx.insert(receiptMovements).values(movements).returning();
  const result = {
    kind: down ? 'allocate' : 'return',
    typeCode: input.typeCode,
    from,
    to,
    count: input.count,
    ranges: cut.moved.map(({ startNo, endNo }) => ({ startNo, endNo })),
    hops: hops.length,
  };
  await ctx.audit.record(tx, {
    actor,
    action: down ? 'allocate' : 'return',
    resource: 'receipt-holdings',
    recordId: saved[0].id,
    after: result,
    ip,
  });
  return result;
}

/** Issues a paper receipt from the unit's stock: the number written on it, or the next unused one. */
export async function issuePaper(
  ctx: AppContext,
  actor: Actor,
  input: z.infer<typeof receiptIssueSchema>,
  ip: string,
) {
  if (actor.unitId === null) throw forbidden('Only an enforcement unit issues receipts');
  const unitId = actor.unitId;
  try {
    return await ctx.database.db.transaction(async (tx) => {
      const [decision] = await tx.select().from(decisions).where(eq(decisions.id, input.decisionId));
      if (!decision || decision.unitId !== unitId) throw notFound('Decision');
      const holder = { regionCode: decision.regionCode, unitId };
      const [unit] = await tx.select().from(units).where(eq(units.id, unitId));
      holder.regionCode = unit.regionCode;
      const free = await freeRanges(tx, input.typeCode, holder);
      let number = input.number;
      if (number === undefined) {
        if (free.length === 0)
          throw unprocessable(
            'out_of_stock',
            `No unused ${await typeName(tx, input.typeCode)} is held; request more stock`,
          );
        number = free[0].startNo;
      } else {
        const n = number;
        const [inside] = await tx
          .select({ id: receiptHoldings.id })
          .from(receiptHoldings)
          .where(
            and(
              eq(receiptHoldings.typeCode, input.typeCode),
              holderWhere(holder),
              lte(receiptHoldings.startNo, n),
              gte(receiptHoldings.endNo, n),
            ),
          );
        if (!inside)
          throw unprocessable('not_in_stock', `Number ${n} is not in this unit's stock`, {
            number: { code: 'not_allowed_for_unit' },
          });
      }
      const [collection] = await tx
        .select({ id: collections.id })
        .from(collections)
        .where(eq(collections.decisionId, decision.id))
        .orderBy(asc(collections.id))
        .limit(1);
      const now = ctx.clock.now();
      const [r] = await tx
        .insert(receipts)
        .values({
          typeCode: input.typeCode,
          number,
          unitId,
          regionCode: decision.regionCode,
          decisionId: decision.id,
          collectionId: collection?.id ?? null,
          amountFen: input.amountFen ?? decision.fineFen,
          issuedOn: shanghaiDate(now),
          issuedAt: now,
          issuedBy: actor.id,
        })
        .returning();
      await ctx.audit.record(tx, {
        actor,
        action: 'issue',
        resource: 'receipts',
        recordId: r.id,
        after: r,
        ip,
      });
      return r;
    });
  } catch (e) {
    if (pgErrorCode(e) === UNIQUE_VIOLATION)
      throw conflict('receipt_number_used', `Receipt number ${input.number ?? ''} has already been used`);
    throw e;
  }
}

/** 作废: the receipt is kept with its reason; only paper receipts are voided (e-receipts are refunded). */
export async function voidReceipt(ctx: AppContext, actor: Actor, id: number, reason: string, ip: string) {
  return ctx.database.db.transaction(async (tx) => {
    const [r] = await tx.select().from(receipts).where(eq(receipts.id, id)).for('update');
    if (!r || r.unitId !== actor.unitId) throw notFound('Receipt');
    assertStep(
      actor,
      'void',
      'receipts',
      r,
      { written_off: 'wrong_state' },
      `receipt ${r.number} is ${r.status}`,
    );
    const [after] = await tx
      .update(receipts)
      .set({ status: 'void', voidReason: reason, voidedAt: ctx.clock.now(), voidedBy: actor.id })
      .where(eq(receipts.id, id))
      .returning();
    await ctx.audit.record(tx, {
      actor,
      action: 'void',
      resource: 'receipts',
      recordId: id,
      before: r,
      after,
      ip,
    });
    return after;
  });
}

/** 缴销 request: every number of the range must be a used (issued or void) stub of the unit, not yet written off. */
export async function requestWriteOff(
  ctx: AppContext,
  actor: Actor,
  input: z.infer<typeof writeOffInputSchema>,
  ip: string,
) {
  if (actor.unitId === null) throw forbidden('Only an enforcement unit requests a write-off');
  const unitId = actor.unitId;
  return ctx.database.db.transaction(async (tx) => {
    const inRange = and(
      eq(receipts.unitId, unitId),
      eq(receipts.typeCode, input.typeCode),
      eq(receipts.code, ''),
      gte(receipts.number, input.startNo),
      lte(receipts.number, input.endNo),
    );
    const used = await tx.select().from(receipts).where(inRange).for('update');
    const size = input.endNo - input.startNo + 1;
    if (used.length < size) {
      const have = new Set(used.map((r) => r.number));
      const missing: number[] = [];
      for (let n = input.startNo; n <= input.endNo && missing.length < 50; n++)
        if (!have.has(n)) missing.push(n);
      throw unprocessable(
        'range_not_used',
        `Only used stubs are written off; not used: ${compressNumbers(missing)}`,
        { endNo: { code: 'covers_unused_numbers' } },
      );
    }
    if (used.some((r) => r.writtenOffAt || r.writeOffId))
      throw conflict('already_written_off', 'Part of the range is already written off or awaiting approval');
    const [w] = await tx
      .insert(receiptWriteOffs)
      .values({
        unitId,
        regionCode: used[0].regionCode,
        typeCode: input.typeCode,
        startNo: input.startNo,
        endNo: input.endNo,
        count: size,
        note: input.note,
        requestedBy: actor.id,
        requestedAt: ctx.clock.now(),
      })
      .returning();
    await tx.update(receipts).set({ writeOffId: w.id }).where(inRange);
    await ctx.audit.record(tx, {
      actor,
      action: 'create',
      resource: 'receipt-write-offs',
      recordId: w.id,
      after: w,
      ip,
    });
    return w;
  });
}

export async function decideWriteOff(
  ctx: AppContext,
  actor: Actor,
  id: number,
  decision: 'approve' | 'reject',
  reason: string | undefined,
  ip: string,
) {
  if (decision === 'reject' && !reason?.trim())
    throw badRequest('A rejection needs a reason', { reason: { code: 'required' } }, 'reason_required');
  return ctx.database.db.transaction(async (tx) => {
    const [w] = await tx.select().from(receiptWriteOffs).where(eq(receiptWriteOffs.id, id)).for('update');
    if (!w?.regionCode.startsWith(actor.regionCode)) throw notFound('Write-off');
    assertStep(actor, decision, 'receipt-write-offs', w, {}, `write-off #${id} is ${w.status}`);
    const now = ctx.clock.now();
    const [after] = await tx
      .update(receiptWriteOffs)
      .set({
        status: decision === 'approve' ? 'approved' : 'rejected',
        decidedBy: actor.id,
        decidedAt: now,
        decisionReason: reason ?? null,
      })
      .where(eq(receiptWriteOffs.id, id))
      .returning();
    await tx
      .update(receipts)
      .set(decision === 'approve' ? { writtenOffAt: now } : { writeOffId: null })
      .where(eq(receipts.writeOffId, id));
    await ctx.audit.record(tx, {
      actor,
      action: decision,
      resource: 'receipt-write-offs',
      recordId: id,
      before: w,
      after,
      ip,
    });
    return after;
  });
}

/** Executed refunds mark the decision's receipts (the payer's page says so). */
export async function markRefunded(tx: Tx, decisionId: number, refundId: number, status: string) {
  await tx
    .update(receipts)
    .set({ refundId, refundStatus: status })
    .where(and(eq(receipts.decisionId, decisionId), eq(receipts.status, 'issued')));
}
