// `npm run create-admin`: the first administrator of an installation (prompt, or ADMIN_USERNAME / ADMIN_PASSWORD).
import { createInterface } from 'node:readline/promises';
import { eq } from 'drizzle-orm';
import { passwordSchema, usernameSchema } from '../src/domain/users';
import { createAuditLog } from '../src/server/audit/log';
import { hashPassword } from '../src/server/auth/passwords';
import { createClock } from '../src/server/clock';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/client';
import { dataDirOwner } from '../src/server/db/data-dir-lock';
import { users } from '../src/server/db/schema';
import { seedReferenceData } from '../src/server/demo/seed';

const config = loadConfig();
if (!config.databaseUrl && dataDirOwner(config.dataDir)) {
  console.error(
    `A running server holds ${config.dataDir}; stop it first (PGlite allows one process per data folder).`,
  );
  process.exit(2);
}
let username = process.env.ADMIN_USERNAME;
let password = process.env.ADMIN_PASSWORD;
if (!username || !password) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  username ||= (await rl.question('Admin username: ')).trim();
  password ||= (await rl.question('Admin password: ')).trim();
  rl.close();
}
const u = usernameSchema.safeParse(username);
const p = passwordSchema.safeParse(password);
if (!u.success || !p.success) {
  console.error(
    !u.success ? `username ${u.error.issues[0].message}` : `password ${p.error?.issues[0].message}`,
  );
  process.exit(1);
}
const clock = createClock(config.appToday);
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await seedReferenceData(database.db);
const [existing] = await database.db.select().from(users).where(eq(users.username, u.data));
if (existing) {
  console.error(`User ${u.data} already exists.`);
  await database.close();
  process.exit(1);
}
const passwordHash = await hashPassword(p.data);
await database.db.transaction(async (tx) => {
  const [row] = await tx
    .insert(users)
    .values({ username: u.data, displayName: u.data, role: 'admin', regionCode: '63', passwordHash })
    .returning();
  await createAuditLog(clock).record(tx, {
    actor: null,
    actorUsername: 'cli',
    action: 'create',
    resource: 'users',
    recordId: row.id,
    after: row,
  });
});
await database.close();
console.log(`Admin ${u.data} created.`);
