import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import {
  addCalendarDays,
  type BusinessCalendar,
  CalendarMissingError,
  DomainInputError,
  type ExpectedEntry,
  entryFeedback,
  InvalidDateError,
  remittanceDueDate,
  remittanceStatus,
} from '../../domain';
import type { Tx } from '../audit/log';
import type { CollectionEnv } from '../collections/service';
import type { Db } from '../db/client';
import {
  agreements,
  billingCodes,
  collections,
  decisions,
  entryFeedback as entryFeedbackTable,
  remittances,
  remittanceTransferItems,
  remittanceTransfers,
  treasuryEntries,
} from '../db/schema';

type Agreement = Pick<
  typeof agreements.$inferSelect,
  'id' | 'bankId' | 'regionCode' | 'cutoffTime' | 'status'
>;

/** The agreement a collection was made under: the bank's, for the nearest region containing it. */
export function agreementFor(list: Agreement[], regionCode: string | null): Agreement | undefined {
  const region = regionCode ?? '';
  return list
    .filter((a) => a.status !== 'draft' && (region.startsWith(a.regionCode) || region === ''))
    .sort((a, b) => b.regionCode.length - a.regionCode.length || a.id - b.id)[0];
}

/**
 * A row whose dates no rule can work with — a year without a calendar, or a date no sender should
 * have been able to store — is left out and counted, never allowed to stop the work for everyone.
 */
const undatable = (e: unknown) =>
  e instanceof CalendarMissingError || e instanceof InvalidDateError || e instanceof DomainInputError;

// Any instant on the right side of the cut-off gives the same due date.
const dueDateOf = (businessDate: string, afterCutoff: boolean, cutoffTime: string, cal: BusinessCalendar) =>
  remittanceDueDate(`${businessDate}T${afterCutoff ? '23:59' : '00:00'}:00+08:00`, cutoffTime, cal);

/**
 * Rebuilds the remittance obligations of the given banks (all when none) from their collections,
 * transfers and the calendar: one row per agreement and due date, with its status as of today.
 * Collections are summed in SQL per bank, region, day and side of each cut-off time, so the work in
 * JS is per group, not per collection. With a window only obligations due inside it are rebuilt
 * (a reconciliation of one month). Groups whose due date falls in a year without a calendar are
 * left out (and counted).
 */
export async function refreshRemittances(
  db: Db,
  env: CollectionEnv,
  bankIds?: string[],
  window?: { from: string; to: string },
) {
  const today = env.clock.today();
  const cal = await env.calendars.forRegion(db, '');
  const agreementRows = await db
    .select({
      id: agreements.id,
      bankId: agreements.bankId,
      regionCode: agreements.regionCode,
      cutoffTime: agreements.cutoffTime,
      status: agreements.status,
    })
    .from(agreements)
    .where(bankIds ? inArray(agreements.bankId, bankIds) : undefined);
  const byBank = new Map<string, Agreement[]>();
  for (const a of agreementRows) byBank.set(a.bankId, [...(byBank.get(a.bankId) ?? []), a]);
  const cutoffs = [...new Set(agreementRows.map((a) => a.cutoffTime))].sort();
  // Collections of a due date are taken at most a holiday's length before it (Spring Festival ≤ 9 days).
  const earliest = window ? addCalendarDays(window.from, -20) : null;
  const localTime = sql`to_char(${collections.collectedAt} at time zone 'Asia/Shanghai', 'HH24:MI')`;
  const after = cutoffs.map((c) => sql`(${localTime} >= ${c})`);
  const grouped = await db
    .select({
      bankId: collections.bankId,
      regionCode: collections.regionCode,
      businessDate: collections.businessDate,
      // One 0/1 per distinct cut-off time, in the order of `cutoffs`.
      afterCutoff: after.length
        ? sql<string>`concat_ws(',', ${sql.join(
            after.map((a) => sql`${a}::int`),
            sql`, `,
          )})`
        : sql<string>`''`,
      count: sql<number>`count(*)`.mapWith(Number),
      amountFen: sql<number>`sum(${collections.amountFen})`.mapWith(Number),
      remittedFen:
        sql<number>`coalesce(sum(${collections.amountFen}) filter (where ${remittanceTransfers.id} is not null), 0)`.mapWith(
          Number,
        ),
      remittedOn: sql<string | null>`max(${remittanceTransfers.businessDate})`,
    })
    .from(collections)
    .leftJoin(remittanceTransferItems, eq(remittanceTransferItems.collectionId, collections.id))
    .leftJoin(remittanceTransfers, eq(remittanceTransfers.id, remittanceTransferItems.transferId))
    .where(
      and(
        bankIds ? inArray(collections.bankId, bankIds) : undefined,
        earliest && window
          ? and(gte(collections.businessDate, earliest), lte(collections.businessDate, window.to))
          : undefined,
      ),
    )
    .groupBy(collections.bankId, collections.regionCode, collections.businessDate, sql`4`);
  const groups = new Map<
    string,
    {
      agreement: Agreement;
      dueDate: string;
      count: number;
      amountFen: number;
      remittedFen: number;
      remittedOn: string | null;
    }
  >();
  let skipped = 0;
  for (const c of grouped) {
    const agreement = agreementFor(byBank.get(c.bankId) ?? [], c.regionCode);
    if (!agreement) {
      skipped += c.count;
      continue;
    }
    const isAfter = c.afterCutoff.split(',')[cutoffs.indexOf(agreement.cutoffTime)] === '1';
    let dueDate: string;
    try {
      dueDate = dueDateOf(c.businessDate, isAfter, agreement.cutoffTime, cal);
    } catch (e) {
      if (undatable(e)) {
        skipped += c.count;
        continue;
      }
      throw e;
    }
    if (window && (dueDate < window.from || dueDate > window.to)) continue;
    const key = `${agreement.id}|${dueDate}`;
    const g = groups.get(key) ?? {
      agreement,
      dueDate,
      count: 0,
      amountFen: 0,
      remittedFen: 0,
      remittedOn: null,
    };
    g.count += c.count;
    g.amountFen += c.amountFen;
    g.remittedFen += c.remittedFen;
    if (c.remittedOn && (!g.remittedOn || c.remittedOn > g.remittedOn)) g.remittedOn = c.remittedOn;
    groups.set(key, g);
  }
  const now = env.clock.now();
  const values = [...groups.values()].map((g) => {
    const s = remittanceStatus(g, today, cal);
    return {
      agreementId: g.agreement.id,
      bankId: g.agreement.bankId,
      regionCode: g.agreement.regionCode,
      dueDate: g.dueDate,
      collectionCount: g.count,
      amountFen: g.amountFen,
      remittedFen: g.remittedFen,
      remittedOn: g.remittedOn,
      status: s.status,
      workingDaysLate: s.workingDaysLate,
      heldFenDays: s.heldFenDays,
      refreshedAt: now,
    };
  });
  await db.transaction(async (tx) => {
    await tx
      .delete(remittances)
      .where(
        and(
          bankIds ? inArray(remittances.bankId, bankIds) : undefined,
          window
            ? and(gte(remittances.dueDate, window.from), lte(remittances.dueDate, window.to))
            : undefined,
        ),
      );
    for (let i = 0; i < values.length; i += 1000)
      await tx.insert(remittances).values(values.slice(i, i + 1000));
  });
  return { obligations: values.length, skippedCollections: skipped };
}

/**
 * The collections one obligation covers: those whose agreement and due date, worked out exactly as
 * `refreshRemittances` does, are the obligation's. Candidates come from the bank's days that can
 * fall due on that date (a holiday's length before it).
 */
export async function obligationCollections(
  db: Db,
  env: CollectionEnv,
  obligation: { agreementId: number; bankId: string; dueDate: string },
) {
  const cal = await env.calendars.forRegion(db, '');
  const bankAgreements = await db
    .select({
      id: agreements.id,
      bankId: agreements.bankId,
      regionCode: agreements.regionCode,
      cutoffTime: agreements.cutoffTime,
      status: agreements.status,
    })
    .from(agreements)
    .where(eq(agreements.bankId, obligation.bankId));
  const rows = await db
    .select({
      id: collections.id,
      bankTxnId: collections.bankTxnId,
      decisionNumber: collections.decisionNumber,
      decisionId: collections.decisionId,
      regionCode: collections.regionCode,
      amountFen: collections.amountFen,
      channel: collections.channel,
      collectedAt: collections.collectedAt,
      businessDate: collections.businessDate,
      localTime: sql<string>`to_char(${collections.collectedAt} at time zone 'Asia/Shanghai', 'HH24:MI')`,
      transferReference: remittanceTransfers.reference,
      remittedOn: remittanceTransfers.businessDate,
    })
    .from(collections)
    .leftJoin(remittanceTransferItems, eq(remittanceTransferItems.collectionId, collections.id))
    .leftJoin(remittanceTransfers, eq(remittanceTransfers.id, remittanceTransferItems.transferId))
    .where(
      and(
        eq(collections.bankId, obligation.bankId),
        gte(collections.businessDate, addCalendarDays(obligation.dueDate, -20)),
        lte(collections.businessDate, obligation.dueDate),
      ),
    )
    .orderBy(collections.collectedAt, collections.id);
  return rows
    .filter((c) => {
      const agreement = agreementFor(bankAgreements, c.regionCode);
      if (agreement?.id !== obligation.agreementId) return false;
      try {
        return (
          dueDateOf(c.businessDate, c.localTime >= agreement.cutoffTime, agreement.cutoffTime, cal) ===
          obligation.dueDate
        );
      } catch (e) {
        if (undatable(e)) return false;
        throw e;
      }
    })
    .map(({ localTime: _, regionCode: __, ...c }) => c);
}

/** What a transfer should be entered as: its collections' amounts by budget subject and level. */
async function expectedEntries(db: Db | Tx, transferIds: number[]) {
  const rows = await db
    .select({
      transferId: remittanceTransferItems.transferId,
      budgetSubjectCode: billingCodes.budgetSubjectCode,
      budgetLevel: billingCodes.budgetLevel,
      amountFen: sql<number>`sum(${collections.amountFen})`.mapWith(Number),
    })
    .from(remittanceTransferItems)
    .innerJoin(collections, eq(collections.id, remittanceTransferItems.collectionId))
    .innerJoin(decisions, eq(decisions.id, collections.decisionId))
    .innerJoin(billingCodes, eq(billingCodes.id, decisions.billingCodeId))
    .where(inArray(remittanceTransferItems.transferId, transferIds))
    .groupBy(remittanceTransferItems.transferId, billingCodes.budgetSubjectCode, billingCodes.budgetLevel);
  const out = new Map<number, ExpectedEntry[]>();
  for (const r of rows) out.set(r.transferId, [...(out.get(r.transferId) ?? []), r]);
  return out;
}

/**
 * Recomputes 入库反馈 for the given transfers (all when none). An acknowledgement stays while the
 * finding is unchanged; a changed finding must be acknowledged again.
 */
export async function refreshFeedback(db: Db, env: CollectionEnv, transferIds?: number[]) {
  const today = env.clock.today();
  const cal = await env.calendars.forRegion(db, '');
  const transfers = await db
    .select()
    .from(remittanceTransfers)
    .where(transferIds ? inArray(remittanceTransfers.id, transferIds) : undefined);
  if (transfers.length === 0) return 0;
  let changed = 0;
  for (let i = 0; i < transfers.length; i += 500) {
    const chunk = transfers.slice(i, i + 500);
    const expected = await expectedEntries(
      db,
      chunk.map((t) => t.id),
    );
    const entries = await db
      .select()
      .from(treasuryEntries)
      .where(
        inArray(
          treasuryEntries.transferReference,
          chunk.map((t) => t.reference),
        ),
      );
    const existing = await db
      .select()
      .from(entryFeedbackTable)
      .where(
        inArray(
          entryFeedbackTable.transferId,
          chunk.map((t) => t.id),
        ),
      );
    for (const t of chunk) {
      let result: ReturnType<typeof entryFeedback>;
      try {
        result = entryFeedback(
          { businessDate: t.businessDate, expected: expected.get(t.id) ?? [] },
          entries.filter((e) => e.transferReference === t.reference),
          today,
          cal,
        );
      } catch (e) {
        if (undatable(e)) continue;
        throw e;
      }
      if (!result) continue;
      const before = existing.find((f) => f.transferId === t.id);
      if (before && before.type === result.type && before.enteredFen === result.enteredFen) continue;
      changed++;
      await db
        .insert(entryFeedbackTable)
        .values({ transferId: t.id, bankId: t.bankId, ...result, computedAt: env.clock.now() })
        .onConflictDoUpdate({
          target: entryFeedbackTable.transferId,
          set: {
            type: result.type,
            expectedFen: result.expectedFen,
            enteredFen: result.enteredFen,
            computedAt: env.clock.now(),
            acknowledgedBy: null,
            acknowledgedAt: null,
          },
        });
    }
  }
  return changed;
}
