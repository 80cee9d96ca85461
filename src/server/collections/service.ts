import { and, eq, isNull, lt, notExists, sql } from 'drizzle-orm';
import {
  amountDueFen,
  CalendarMissingError,
  type CollectionChannel,
  type FlagDetail,
  type FlagType,
  shanghaiDate,
} from '../../domain';
import type { Tx } from '../audit/log';
import type { CalendarCache } from '../calendar/repository';
import type { Clock } from '../clock';
import type { Db } from '../db/client';
import { collections, decisionEvents, decisions, paidStatusFlags } from '../db/schema';
import { issueEReceipt } from '../receipts/e-receipts';

export interface CollectionInput {
  bankId: string;
  keyId: string | null;
  decisionNumber: string;
  amountFen: number;
  channel: CollectionChannel;
  bankTxnId: string;
  collectedAt: string;
}

type Decision = typeof decisions.$inferSelect;
/** What applying a collection needs from the app: the time and the (cached) business calendars. */
export interface CollectionEnv {
  clock: Clock;
  calendars: CalendarCache;
}

async function flag(
  tx: Tx,
  clock: Clock,
  type: FlagType,
  d: { decisionId?: number | null; collectionId?: number | null; regionCode?: string | null },
  detail: FlagDetail,
) {
  await tx.insert(paidStatusFlags).values({ type, ...d, detail, createdAt: clock.now() });
  return type;
}

/** Amount due at the collection's business date; null (no mismatch judged) when its year has no calendar. */
async function expectedFen(tx: Tx, { calendars }: CollectionEnv, decision: Decision, businessDate: string) {
  try {
    return amountDueFen(decision, businessDate, await calendars.forRegion(tx, decision.regionCode));
  } catch (e) {
    if (e instanceof CalendarMissingError) return null;
    throw e;
  }
}

/** Settles a collection linked to its (locked) decision: paid when enough was collected, flags otherwise. */
async function settle(
  tx: Tx,
  { clock }: CollectionEnv,
  decision: Decision,
  collection: typeof collections.$inferSelect,
  expected: number | null,
  keyId: string | null,
) {
  const flags: FlagType[] = [];
  const where = { decisionId: decision.id, collectionId: collection.id, regionCode: decision.regionCode };
  if (decision.paymentStatus !== 'unpaid') {
    flags.push(
      await flag(tx, clock, 'duplicate', where, {
        code: 'duplicate_collection',
        params: { bankTxnId: collection.bankTxnId, status: decision.paymentStatus },
      }),
    );
    return { flags, decisionStatus: decision.paymentStatus, expectedFen: expected };
  }
  if (expected !== null && collection.amountFen !== expected)
    flags.push(
      await flag(tx, clock, 'amount_mismatch', where, {
        code: 'amount_mismatch',
        params: { collectedFen: collection.amountFen, dueFen: expected, on: collection.businessDate },
      }),
    );
  const enough = expected === null || collection.amountFen >= expected;
  if (!enough) return { flags, decisionStatus: decision.paymentStatus, expectedFen: expected };
  await tx
    .update(decisions)
    .set({
      paymentStatus: 'paid',
      paidAt: collection.collectedAt,
      version: decision.version + 1,
      updatedAt: clock.now(),
    })
    .where(eq(decisions.id, decision.id));
  await tx.insert(decisionEvents).values({
    decisionId: decision.id,
    fromStatus: 'unpaid',
    toStatus: 'paid',
    source: 'bank',
    keyId,
    collectionId: collection.id,
    detail: {
      code: 'bank_collection',
      params: { bankTxnId: collection.bankTxnId, bankId: collection.bankId, channel: collection.channel },
    },
    at: clock.now(),
  });
  return { flags, decisionStatus: 'paid' as const, expectedFen: expected };
}

/** A collection is a fact: it is always stored; what it means for the decision is raised as flags. */
export async function recordCollection(tx: Tx, env: CollectionEnv, input: CollectionInput) {
  const { clock } = env;
  const collectedAt = new Date(input.collectedAt);
  const [decision] = await tx
    .select()
    .from(decisions)
    .where(eq(decisions.decisionNumber, input.decisionNumber))
    .for('update');
  const businessDate = shanghaiDate(collectedAt);
  const expected = decision ? await expectedFen(tx, env, decision, businessDate) : null;
  const [collection] = await tx
    .insert(collections)
    .values({
      bankId: input.bankId,
      bankTxnId: input.bankTxnId,
      decisionNumber: input.decisionNumber,
      decisionId: decision?.id ?? null,
      amountFen: input.amountFen,
      expectedFen: expected,
      channel: input.channel,
      collectedAt,
      businessDate,
      receivedAt: clock.now(),
      matchedAt: decision ? clock.now() : null,
      regionCode: decision?.regionCode ?? null,
    })
    .returning();
  if (!decision) {
    const f = await flag(
      tx,
      clock,
      'sync_lag',
      { collectionId: collection.id },
      { code: 'orphan_collection', params: { decisionNumber: input.decisionNumber } },
    );
    return {
      collectionId: collection.id,
      decisionId: null,
      status: 'orphan' as const,
      decisionStatus: null,
      expectedFen: null,
      flags: [f],
    };
  }
  const result = await settle(tx, env, decision, collection, expected, input.keyId);
  // Last, so the segment row lock is held only until commit.
  const receipt = await issueEReceipt(tx, clock, collection, decision);
  return {
    collectionId: collection.id,
    decisionId: decision.id,
    status: 'matched' as const,
    ...result,
    receipt,
  };
}

/** When a decision arrives, orphan collections for its number are matched and their sync-lag flags closed. */
export async function matchOrphans(tx: Tx, env: CollectionEnv, decisionId: number) {
  const { clock } = env;
  const [decision] = await tx.select().from(decisions).where(eq(decisions.id, decisionId)).for('update');
  // Sorted here, not in SQL: an ORDER BY collected_at tempts the planner (PGlite keeps no statistics)
  // into walking the whole collected_at index instead of the orphans-by-number index, per decision.
  const orphans = (
    await tx
      .select()
      .from(collections)
      .where(and(eq(collections.decisionNumber, decision.decisionNumber), isNull(collections.decisionId)))
  ).sort((a, b) => a.collectedAt.getTime() - b.collectedAt.getTime() || a.id - b.id);
  let current = decision;
  for (const orphan of orphans) {
    const expected = await expectedFen(tx, env, current, orphan.businessDate);
    await tx
      .update(collections)
      .set({ decisionId, expectedFen: expected, matchedAt: clock.now(), regionCode: decision.regionCode })
      .where(eq(collections.id, orphan.id));
    await settle(tx, env, current, orphan, expected, null);
    await issueEReceipt(tx, clock, orphan, decision);
    await tx
      .update(paidStatusFlags)
      .set({
        decisionId,
        regionCode: decision.regionCode,
        state: 'reviewed',
        reviewNote: 'Matched automatically when the decision arrived',
        reviewedAt: clock.now(),
      })
      .where(and(eq(paidStatusFlags.collectionId, orphan.id), eq(paidStatusFlags.type, 'sync_lag')));
    [current] = await tx.select().from(decisions).where(eq(decisions.id, decisionId));
  }
  return orphans.length;
}

/**
 * Collections received more than `lagHours` ago whose decision is still unpaid (an underpayment the
 * police platform never settled, a status that did not sync) raise one sync-lag flag each.
 * Orphans are flagged on arrival already. Returns how many flags were raised.
 */
export async function raiseSyncLagFlags(db: Db, clock: Clock, lagHours: number): Promise<number> {
  const cutoff = new Date(clock.now().getTime() - lagHours * 3_600_000);
  const late = await db
    .select({
      decisionId: collections.decisionId,
      collectionId: collections.id,
      regionCode: collections.regionCode,
      bankTxnId: collections.bankTxnId,
      receivedAt: collections.receivedAt,
    })
    .from(collections)
    .innerJoin(decisions, eq(decisions.id, collections.decisionId))
    .where(
      and(
        eq(decisions.paymentStatus, 'unpaid'),
        lt(collections.receivedAt, cutoff),
        notExists(
          db
            .select({ one: sql`1` })
            .from(paidStatusFlags)
            .where(
              and(eq(paidStatusFlags.collectionId, collections.id), eq(paidStatusFlags.type, 'sync_lag')),
            ),
        ),
      ),
    )
    .limit(5000);
  if (late.length === 0) return 0;
  await db.insert(paidStatusFlags).values(
    late.map((c) => ({
      type: 'sync_lag' as const,
      decisionId: c.decisionId,
      collectionId: c.collectionId,
      regionCode: c.regionCode,
      detail: {
        code: 'unpaid_after_collection' as const,
        params: { bankTxnId: c.bankTxnId, receivedAt: c.receivedAt.toISOString(), hours: lagHours },
      },
      createdAt: clock.now(),
    })),
  );
  return late.length;
}
