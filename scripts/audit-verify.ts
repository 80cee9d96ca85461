// `npm run audit:verify`: checks the audit hash chain. Opens the database itself only when no server holds it.
import { verifyChain } from '../src/server/audit/log';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/client';
import { dataDirOwner } from '../src/server/db/data-dir-lock';

const config = loadConfig();
if (!config.databaseUrl) {
  const owner = dataDirOwner(config.dataDir);
  if (owner) {
    console.error(
      `The server (pid ${owner}) holds ${config.dataDir}. Verify through its API instead: sign in as auditor and GET /api/audit-events/verify (or the “校验审计链” button in the audit log).`,
    );
    process.exit(2);
  }
}
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const result = await verifyChain(database.db);
await database.close();
console.log(JSON.stringify(result));
process.exit(result.ok ? 0 : 1);
