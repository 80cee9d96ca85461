import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app';
import { createClock } from './clock';
import { loadConfig } from './config';
import { openDatabase } from './db/client';
import { acquireDataDirLock } from './db/data-dir-lock';
import { resumeRuns } from './reconciliation/runner';
import { prepareDatabase, startBackgroundJobs } from './start';

const started = performance.now();
const config = loadConfig();
const clock = createClock(config.appToday);
const releaseLock = config.databaseUrl ? () => {} : acquireDataDirLock(config.dataDir);
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const demo = await prepareDatabase(database, config, clock);
const distDir = fileURLToPath(new URL('../../dist', import.meta.url));
const { app, ctx } = await buildApp({ config, database, clock, distDir, logger: true });
await app.listen({ host: config.host, port: config.port });
const stopJobs = startBackgroundJobs(database, config, clock);
// Reconciliation runs cut short by a stop are worked again (their chunks replace findings).
void resumeRuns(ctx);

const where =
  database.kind === 'pglite'
    ? `PGlite in ${path.relative(process.cwd(), config.dataDir) || '.'}`
    : 'PostgreSQL';
console.log(
  `罚没收入监管平台 listening on http://${config.host}:${config.port} (${where}, today ${clock.today()})`,
);
if (demo) {
  console.log(
    `Demo data loaded: ${demo.agreements} agreements, ${demo.decisions} decisions, ${demo.collections} collections, ${demo.flags} paid-status flags, ${demo.refunds} refunds, ${demo.receipts} receipts.`,
  );
  console.log(`Demo users (password "${config.demoPassword}"):`);
  console.log(`  ${demo.users.join(', ')}`);
}
console.log(`Started in ${Math.round(performance.now() - started)} ms`);

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  console.log(`${signal}: closing`);
  try {
    await stopJobs();
    await app.close();
    await database.close();
  } finally {
    releaseLock();
    process.exit(0);
  }
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
