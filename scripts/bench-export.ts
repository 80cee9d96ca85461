// `npm run bench:export`: exports BENCH_EXPORT_ROWS collections (default 100,000 on PGlite,
// 1,000,000 on PostgreSQL when BENCH_DATABASE_URL or TEST_DATABASE_URL is set) as CSV and XLSX through
// the real server (its own process), and prints rows/s, time to first byte and the server's RSS
// growth; on PostgreSQL beside `COPY (…) TO STDOUT` of the same rows in the same run (psql).
// Ends with `RESULT export_<format>_<db> project=<rows/s> bare=<COPY rows/s> ratio=<r>` lines.
// Data is generated in bulk SQL. Not part of CI.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { createClock } from '../src/server/clock';
import { loadConfig } from '../src/server/config';
import { prepareDatabase } from '../src/server/start';
import { BASE, benchTargets, startServer, stop } from './bench-common';

const rssMb = (pid: number, field: 'VmRSS' | 'VmHWM') => {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : Number.NaN;
};

async function login(): Promise<string> {
  const res = await fetch(`${BASE}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'finance', password: 'Demo@2026' }),
  });
  if (!res.ok) throw new Error(`login: ${res.status}`);
  const sid = /sid=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  return `sid=${sid}`;
}

/** Streams one export to nowhere, counting bytes and the moment the first one arrived. */
async function download(url: string, cookie: string) {
  const t0 = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  if (!res.ok || !res.body) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  let first = 0;
  let bytes = 0;
  let newlines = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    if (!first) first = performance.now() - t0;
    bytes += chunk.length;
    for (const b of chunk) if (b === 10) newlines += 1;
  }
  return { ms: performance.now() - t0, firstByteMs: first, bytes, newlines };
}

const targets = (await benchTargets('export')).filter(
  (t) => !process.env.BENCH_ONLY || t.name.toLowerCase() === process.env.BENCH_ONLY,
);
const results: string[] = [];
for (const target of targets) {
  const n = Number(process.env.BENCH_EXPORT_ROWS ?? (target.name === 'PostgreSQL' ? 1_000_000 : 100_000));
  console.log(`\n## ${target.name}: ${n.toLocaleString()} collections`);
  const database = await target.open();
  const config = loadConfig({
    APP_TODAY: '2026-03-16',
    SEED_DEMO: '1',
    DEMO_DECISIONS: '200',
    APP_SECRET_KEY: 'a'.repeat(64),
    LOG_LEVEL: 'error',
    DEMO_PASSWORD: 'Demo@2026',
  });
  await prepareDatabase(database, config, createClock(config.appToday));
  const g0 = performance.now();
  // Collections nobody matched yet (no decision, no region): finance at the province exports them all.
  await database.db.execute(sql`
    insert into collections (bank_id, bank_txn_id, decision_number, amount_fen, channel, collected_at,
                             business_date, received_at)
    select (array['ICBC','ABC','BOC','CCB'])[(g % 4) + 1], 'EXP-' || g, '青公交决字〔2026〕' || lpad(g::text, 6, '0') || '号',
           20000 + (g % 50) * 100, (array['counter','mobile_banking','alipay','wechat'])[(g % 4) + 1],
           timestamptz '2026-01-01 09:00+08' + (g || ' seconds')::interval,
           ((timestamptz '2026-01-01 09:00+08' + (g || ' seconds')::interval) at time zone 'Asia/Shanghai')::date,
           timestamptz '2026-01-01 09:00+08' + (g || ' seconds')::interval
      from generate_series(1, ${n}::int) g`);
  const [{ total }] = (
    (await database.db.execute(sql`select count(*)::int as total from collections`)) as unknown as {
      rows: { total: number }[];
    }
  ).rows;
  console.log(
    `generated in ${((performance.now() - g0) / 1000).toFixed(1)} s; ${total.toLocaleString()} rows to export`,
  );
  await database.close();

  const { child } = await startServer({ ...target.env, SEED_DEMO: '0' });
  const pid = child.pid!;
  const cookie = await login();
  let copyRate = Number.NaN;
  if (target.name === 'PostgreSQL') {
    const t0 = performance.now();
    execFileSync(
      'psql',
      [
        target.env.DATABASE_URL,
        '-q',
        '-c',
        `\\copy (select c.collected_at, c.bank_id, b.name, c.bank_txn_id, c.decision_number, c.amount_fen, c.expected_fen, c.channel, c.business_date, c.received_at, c.region_code, c.decision_id is not null, (select count(*) from paid_status_flags f where f.collection_id = c.id and f.state = 'open') from collections c join banks b on b.id = c.bank_id order by c.collected_at desc, c.id desc) to '/dev/null' csv`,
      ],
      { stdio: 'inherit' },
    );
    const ms = performance.now() - t0;
    copyRate = total / (ms / 1000);
    console.log(
      `COPY … TO STDOUT (psql): ${(ms / 1000).toFixed(2)} s, ${Math.round(copyRate).toLocaleString()} rows/s`,
    );
  }
  for (const format of ['csv', 'xlsx'] as const) {
    const before = rssMb(pid, 'VmRSS');
    const r = await download(`${BASE}/api/collections/export.${format}`, cookie);
    const peak = rssMb(pid, 'VmHWM');
    const rate = total / (r.ms / 1000);
    console.log(
      `${format}: ${(r.ms / 1000).toFixed(2)} s, ${Math.round(rate).toLocaleString()} rows/s, first byte after ${Math.round(r.firstByteMs)} ms, ${(r.bytes / 1048576).toFixed(1)} MB` +
        `${format === 'csv' ? `, ${r.newlines - 1} data lines` : ''}; server RSS ${before} MB before, peak ${peak} MB (+${peak - before} MB)`,
    );
    const db = target.name === 'PostgreSQL' ? 'pg' : 'pglite';
    results.push(
      `RESULT export_${format}_${db} project=${Math.round(rate)} bare=${Number.isNaN(copyRate) ? 'n/a' : Math.round(copyRate)} ratio=${Number.isNaN(copyRate) ? 'n/a' : (rate / copyRate).toFixed(2)} rss_growth_mb=${peak - before}`,
    );
  }
  await stop(child);
  await target.cleanup();
}
console.log('');
for (const line of results) console.log(line);
