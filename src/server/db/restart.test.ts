import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createClock } from '../clock';
import { loadConfig } from '../config';
import { prepareDatabase } from '../start';
import { openDatabase } from './client';
import { agreements, users } from './schema';

const dir = mkdtempSync(path.join(os.tmpdir(), 'restart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('PGlite data folder', () => {
  // Seeds the full demo (30,000 decisions) into a real data folder: minutes on a busy CI machine.
  it('keeps everything across a clean close and reopen, and seeds the demo only once', {
    timeout: 180_000,
  }, async () => {
    const config = loadConfig({ DATA_DIR: dir, APP_TODAY: '2026-03-16' });
    const clock = createClock(config.appToday);
    const first = await openDatabase({ dataDir: dir });
    const seeded = await prepareDatabase(first, config, clock);
    expect(seeded?.users).toContain('finance');
    const [{ n: agreementsBefore }] = await first.db.select({ n: count() }).from(agreements);
    await first.close();

    const second = await openDatabase({ dataDir: dir });
    expect(await prepareDatabase(second, config, clock)).toBeNull();
    const [{ n: usersAfter }] = await second.db.select({ n: count() }).from(users);
    const [{ n: agreementsAfter }] = await second.db.select({ n: count() }).from(agreements);
    await second.close();
    expect(usersAfter).toBe(14);
    expect(agreementsAfter).toBe(agreementsBefore);
  });
});
