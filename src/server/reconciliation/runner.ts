import { and, count, eq, gte, inArray, lte } from 'drizzle-orm';
import { periodDays } from '../../domain';
import type { AppContext } from '../context';
import { banks, discrepancies, reconciliationRuns, remittanceTransfers } from '../db/schema';
import { refreshFeedback, refreshRemittances } from '../remittances/service';
import { matchChunk } from './matching';

const running = new Set<number>();

/**
 * Works a run chunk by chunk (one bank, one day, one short transaction each), yielding between
 * chunks so the server keeps answering on PGlite. Restarting a run is safe: chunks replace findings.
 */
export async function executeRun(ctx: AppContext, runId: number): Promise<void> {
  if (running.has(runId)) return;
  running.add(runId);
  const { db } = ctx.database;
  try {
    const [run] = await db.select().from(reconciliationRuns).where(eq(reconciliationRuns.id, runId));
    const bankIds = run.bankId
      ? [run.bankId]
      : (await db.select({ id: banks.id }).from(banks)).map((b) => b.id);
    const days = periodDays(run.periodType, run.periodStart);
    await db
      .update(reconciliationRuns)
      .set({ status: 'running', chunksTotal: bankIds.length * days.length, chunksDone: 0, error: null })
      .where(eq(reconciliationRuns.id, runId));
    // Obligations and entry feedback are the inputs of two finding types: bring them up to date first.
    const window = { from: days[0], to: days[days.length - 1] };
    await refreshRemittances(db, ctx, bankIds, window);
    const transfers = await db
      .select({ id: remittanceTransfers.id })
      .from(remittanceTransfers)
      .where(
        and(
          inArray(remittanceTransfers.bankId, bankIds),
          gte(remittanceTransfers.businessDate, window.from),
          lte(remittanceTransfers.businessDate, window.to),
        ),
      );
    if (transfers.length)
      await refreshFeedback(
        db,
        ctx,
        transfers.map((t) => t.id),
      );
    let done = 0;
    for (const bankId of bankIds)
      for (const day of days) {
        await db.transaction((tx) => matchChunk(tx, runId, bankId, day, ctx.clock.now()));
        done++;
        if (done % 5 === 0 || done === bankIds.length * days.length)
          await db
            .update(reconciliationRuns)
            .set({ chunksDone: done })
            .where(eq(reconciliationRuns.id, runId));
        await new Promise((r) => setImmediate(r));
      }
    const [{ n }] = await db
      .select({ n: count() })
      .from(discrepancies)
      .where(
        and(
          eq(discrepancies.runId, runId),
          inArray(discrepancies.bankId, bankIds),
          inArray(discrepancies.businessDate, days),
        ),
      );
    await db
      .update(reconciliationRuns)
      .set({ status: 'completed', found: n, finishedAt: ctx.clock.now() })
      .where(eq(reconciliationRuns.id, runId));
  } catch (e) {
    await db
      .update(reconciliationRuns)
      .set({ status: 'failed', error: (e as Error).message.slice(0, 500), finishedAt: ctx.clock.now() })
      .where(eq(reconciliationRuns.id, runId));
  } finally {
    running.delete(runId);
  }
}

/** After a restart, runs that were queued or running are worked again from the start. */
export async function resumeRuns(ctx: AppContext) {
  const open = await ctx.database.db
    .select({ id: reconciliationRuns.id })
    .from(reconciliationRuns)
    .where(inArray(reconciliationRuns.status, ['queued', 'running']));
  for (const r of open) await executeRun(ctx, r.id);
  return open.length;
}
