import { createAuditLog } from './audit/log';
import { createCalendarCache } from './calendar/repository';
import type { Clock } from './clock';
import { raiseSyncLagFlags } from './collections/service';
import type { Config } from './config';
import type { Database } from './db/client';
import { type DemoSummary, isEmpty, seedDemo, seedReferenceData } from './demo/seed';
import { errorLogSerializer } from './http/log-redact';
import { refreshFeedback, refreshRemittances } from './remittances/service';

/** First-start work on an opened, migrated database: reference data always, demo data when configured. */
export async function prepareDatabase(
  database: Database,
  config: Config,
  clock: Clock,
): Promise<DemoSummary | null> {
  await seedReferenceData(database.db);
  if (!config.seedDemo || !(await isEmpty(database.db))) return null;
  const summary = await seedDemo(
    database.db,
    clock,
    createAuditLog(clock),
    config.demoPassword,
    config.demoDecisions,
    config.refundSecondApprovalFen,
  );
  const env = { clock, calendars: createCalendarCache() };
  await refreshRemittances(database.db, env);
  await refreshFeedback(database.db, env);
  return summary;
}

const SWEEP_MS = 5 * 60_000;

/**
 * Periodic work no request triggers: remittance status, entry feedback, the sync-lag sweep. Returns a
 * stop function that waits for a sweep under way, so the database is never closed beneath it.
 */
export function startBackgroundJobs(database: Database, config: Config, clock: Clock): () => Promise<void> {
  const calendars = createCalendarCache();
  // Each step on its own: one failing (a bad row, a lost connection) must not stop the others.
  const step = async (name: string, work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (e) {
      console.error(`background ${name} failed`, e instanceof Error ? errorLogSerializer(e) : e);
    }
  };
  const sweep = async () => {
    // Obligations turn overdue and entries go missing as days pass, with no request to notice it.
    const env = { clock, calendars };
    await step('remittance status', () => refreshRemittances(database.db, env));
    await step('entry feedback', () => refreshFeedback(database.db, env));
    await step('sync-lag sweep', async () => {
      const raised = await raiseSyncLagFlags(database.db, clock, config.syncLagHours);
      if (raised)
        console.log(`sync-lag sweep: ${raised} collection(s) still unpaid after ${config.syncLagHours} h`);
    });
  };
  let running: Promise<void> = sweep();
  const timer = setInterval(() => {
    running = running.then(sweep);
  }, SWEEP_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
