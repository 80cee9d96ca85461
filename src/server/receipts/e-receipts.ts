import { randomBytes } from 'node:crypto';
import { and, asc, eq, isNull, like, sql } from 'drizzle-orm';
import { checkCodeFrom, shanghaiDate } from '../../domain';
import type { Tx } from '../audit/log';
import type { Clock } from '../clock';
import { collections, decisions, eReceiptQueue, eReceiptSegments, receipts } from '../db/schema';

export type EReceiptOutcome =
  | { status: 'issued'; receiptId: number; code: string; number: number; token: string }
  | { status: 'queued'; reason: string };

/**
 * Takes the next number of the unit's oldest open segment. The row lock on the segment makes
 * concurrent confirmations wait for each other, and a rolled-back transaction gives its number back,
 * so numbers are neither issued twice nor skipped.
 */
async function nextNumber(tx: Tx, unitId: number, issuedOn: string) {
  // One statement (it runs inside every bank push). In READ COMMITTED a waiting transaction re-reads
  // the locked row once the holder commits, so it sees the advanced next_no.
  const result = (await tx.execute(sql`
    UPDATE e_receipt_segments SET next_no = next_no + 1
    WHERE id = (
      SELECT id FROM e_receipt_segments
      WHERE unit_id = ${unitId} AND code LIKE ${`______${issuedOn.slice(2, 4)}`} AND next_no <= end_no
      ORDER BY id LIMIT 1
      FOR UPDATE
    )
    RETURNING code, next_no - 1 AS number`)) as unknown as {
    rows: { code: string; number: number | string }[];
  };
  const row = result.rows[0];
  return row ? { code: row.code, number: Number(row.number) } : null;
}

async function hasSegment(tx: Tx, unitId: number, issuedOn: string) {
  const [s] = await tx
    .select({ id: eReceiptSegments.id })
    .from(eReceiptSegments)
    .where(
      and(eq(eReceiptSegments.unitId, unitId), like(eReceiptSegments.code, `______${issuedOn.slice(2, 4)}`)),
    )
    .limit(1);
  return Boolean(s);
}

type Collection = Pick<typeof collections.$inferSelect, 'id' | 'amountFen' | 'collectedAt'>;
type Decision = Pick<typeof decisions.$inferSelect, 'id' | 'unitId' | 'regionCode'>;

/**
 * The 财政电子票据 for a confirmed collection, written off 核销 at once. A missing or exhausted segment
 * never fails the collection: the receipt is queued (a finding) and issued when finance adds a segment.
 */
export async function issueEReceipt(
  tx: Tx,
  clock: Clock,
  collection: Collection,
  decision: Decision,
): Promise<EReceiptOutcome> {
  const issuedOn = shanghaiDate(collection.collectedAt);
  const next = await nextNumber(tx, decision.unitId, issuedOn);
  if (!next) {
    const reason = (await hasSegment(tx, decision.unitId, issuedOn)) ? 'segment_exhausted' : 'no_segment';
    await tx
      .insert(eReceiptQueue)
      .values({ collectionId: collection.id, unitId: decision.unitId, reason, queuedAt: clock.now() })
      .onConflictDoNothing();
    return { status: 'queued', reason };
  }
  const now = clock.now();
  const token = randomBytes(24).toString('base64url');
  const [r] = await tx
    .insert(receipts)
    .values({
      typeCode: 'e_receipt',
      code: next.code,
      number: next.number,
      unitId: decision.unitId,
      regionCode: decision.regionCode,
      decisionId: decision.id,
      collectionId: collection.id,
      amountFen: collection.amountFen,
      issuedOn,
      issuedAt: now,
      checkCode: checkCodeFrom(randomBytes(6)),
      token,
      writtenOffAt: now,
    })
    .returning({ id: receipts.id });
  return { status: 'issued', receiptId: r.id, code: next.code, number: next.number, token };
}

/** Issues the queued e-receipts of a unit, oldest first, while its segments last. */
export async function drainQueue(tx: Tx, clock: Clock, unitId: number): Promise<number> {
  const queued = await tx
    .select({ q: eReceiptQueue, c: collections, d: decisions })
    .from(eReceiptQueue)
    .innerJoin(collections, eq(collections.id, eReceiptQueue.collectionId))
    .innerJoin(decisions, eq(decisions.id, collections.decisionId))
    .where(and(eq(eReceiptQueue.unitId, unitId), isNull(eReceiptQueue.receiptId)))
    .orderBy(asc(eReceiptQueue.id));
  let issued = 0;
  const now = clock.now();
  const today = shanghaiDate(now);
  for (const { q, c, d } of queued) {
    // Issued today, numbered from today's year.
    const next = await nextNumber(tx, unitId, today);
    if (!next) break;
    const [r] = await tx
      .insert(receipts)
      .values({
        typeCode: 'e_receipt',
        code: next.code,
        number: next.number,
        unitId,
        regionCode: d.regionCode,
        decisionId: d.id,
        collectionId: c.id,
        amountFen: c.amountFen,
        issuedOn: today,
        issuedAt: now,
        checkCode: checkCodeFrom(randomBytes(6)),
        token: randomBytes(24).toString('base64url'),
        writtenOffAt: now,
      })
      .returning({ id: receipts.id });
    await tx.update(eReceiptQueue).set({ receiptId: r.id }).where(eq(eReceiptQueue.id, q.id));
    issued++;
  }
  return issued;
}
