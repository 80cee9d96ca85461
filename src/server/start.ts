import { createAuditLog } from './audit/log';
import type { Clock } from './clock';
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
  return seedDemo(database.db, clock, createAuditLog(clock), config.demoPassword, config.demoDecisions);
}
