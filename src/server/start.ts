import { createAuditLog } from './audit/log';
import type { Clock } from './clock';
import { raiseSyncLagFlags } from './collections/service';
import type { Config } from './config';
import type { Database } from './db/client';
import { type DemoSummary, isEmpty, seedDemo, seedReferenceData } from './demo/seed';

/** First-start work on an opened, migrated database: reference data always, demo data when configured. */
export async function prepareDatabase(
  database: Database,
  config: Config,
  clock: Clock,
): Promise<DemoSummary | null> {
  await seedReferenceData(database.db);
  if (!config.seedDemo || !(await isEmpty(database.db))) return null;
  return seedDemo(
    database.db,
    clock,
    createAuditLog(clock),
    config.demoPassword,
    config.demoDecisions,
    config.refundSecondApprovalFen,
  );
}

const SWEEP_MS = 5 * 60_000;

/** Periodic checks that need no request: today only the sync-lag sweep. Returns a stop function. */
export function startBackgroundJobs(database: Database, config: Config, clock: Clock): () => void {
  const sweep = async () => {
    try {
      const raised = await raiseSyncLagFlags(database.db, clock, config.syncLagHours);
      if (raised)
        console.log(`sync-lag sweep: ${raised} collection(s) still unpaid after ${config.syncLagHours} h`);
    } catch (e) {
      console.error('sync-lag sweep failed', e);
    }
  };
  let running: Promise<void> = sweep();
  const timer = setInterval(() => {
    running = running.then(sweep);
  }, SWEEP_MS);
  timer.unref();
  return () => clearInterval(timer);
}
