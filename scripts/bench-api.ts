// `npm run bench:api`: 100,000 agreement-like rows, 50 concurrent clients (autocannon, this process) against
// the server (its own process) on one 25-row filtered page; prints throughput, latency percentiles, the raw
// SQL time of the same page, server start time and peak RSS. PGlite always; PostgreSQL when
// BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set. Not part of CI.
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { benchTargets, PORT, peakRssMb, startServer, stop, type Target } from './bench-common';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const FILTER = { bankId: 'ICBC', status: 'active' };
const PAGE = `/api/agreements?filter=${encodeURIComponent(JSON.stringify(FILTER))}&range=${encodeURIComponent('[0,24]')}&sort=${encodeURIComponent('["id","DESC"]')}`;

async function fill(target: Target) {
  const database = await target.open();
  const t = performance.now();
  await database.db.execute(sql`
    insert into agreements (bank_id, region_code, agreement_no, account_name, account_number, account_branch,
      remittance_method, data_exchange_method, cutoff_time, signed_on, effective_from, filed_on, status, created_by)
    select (array['ICBC','ABC','BOC','CCB'])[1 + g % 4],
           (array['63','6301','6302','630102','630202'])[1 + g % 5],
           'BENCH-' || g, '非税收入汇缴户' || g, lpad((g * 7919)::text, 19, '6'), '营业部',
           (array['direct','collection_account'])[1 + g % 2], 'realtime_api', '15:30',
           date '2024-01-01' + (g % 800), date '2024-01-02' + (g % 800),
           case when g % 7 = 0 then null else date '2024-01-05' + (g % 800) end,
           (array['draft','active','active','active','suspended','terminated'])[1 + g % 6], 2
    from generate_series(1, ${ROWS}) g`);
  await database.db.execute(sql`vacuum analyze agreements`);
  const ms = performance.now() - t;
  await database.close();
  return ms;
}

/** The statements the API runs for the page (page query + exact count), timed in-process. */
async function rawSql(target: Target) {
  const database = await target.open();
  const page = sql`select a.*, b.name, r.name from agreements a join banks b on b.id = a.bank_id join regions r on r.code = a.region_code
    where a.region_code like '63%' and a.bank_id in ('ICBC') and a.status in ('active') order by a.id desc, a.id desc limit 25 offset 0`;
  const total = sql`select count(*) from agreements a
    where a.region_code like '63%' and a.bank_id in ('ICBC') and a.status in ('active')`;
  const times: number[] = [];
  for (let i = 0; i < 220; i++) {
    const t = performance.now();
    await Promise.all([database.db.execute(page), database.db.execute(total)]);
    if (i >= 20) times.push(performance.now() - t);
  }
  await database.close();
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function run(target: Target) {
  console.log(`\n## ${target.name}`);
  const first = await startServer({ ...target.env, SEED_DEMO: '1' });
  console.log(`first start (migrate + demo seed): ${first.ms.toFixed(0)} ms`);
  await stop(first.child);
  console.log(`bulk insert of ${ROWS.toLocaleString()} agreements: ${(await fill(target)).toFixed(0)} ms`);

  const { child, ms } = await startServer(target.env);
  console.log(`restart with ${ROWS.toLocaleString()} rows: ${ms.toFixed(0)} ms`);
  const login = await fetch(`http://127.0.0.1:${PORT}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'finance', password: 'Demo@2026' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const check = await fetch(`http://127.0.0.1:${PORT}${PAGE}`, { headers: { cookie } });
  console.log(`page: ${check.status} ${check.headers.get('content-range')}`);

  // One client first: the API's own overhead over the SQL, without queueing.
  const single = await autocannon({
    url: `http://127.0.0.1:${PORT}${PAGE}`,
    connections: 1,
    duration: 5,
    headers: { cookie },
  });
  const result = await autocannon({
    url: `http://127.0.0.1:${PORT}${PAGE}`,
    connections: 50,
    duration: SECONDS,
    headers: { cookie },
  });
  const rss = peakRssMb(child.pid!);
  await stop(child);
  const raw = await rawSql(target);
  const l = result.latency;
  console.log(
    `requests: ${result.requests.total} in ${SECONDS}s, non-2xx ${result.non2xx}, errors ${result.errors}`,
  );
  console.log(
    `req/s: ${result.requests.average.toFixed(0)}   latency ms p50 ${l.p50}  p95 ${(l as { p95?: number }).p95 ?? l.p97_5}  p99 ${l.p99}  max ${l.max}`,
  );
  console.log(
    `1 client: req/s ${single.requests.average.toFixed(0)}, latency p50 ${single.latency.p50} ms, p99 ${single.latency.p99} ms`,
  );
  console.log(
    `raw SQL (page + count, median of 200): ${raw.toFixed(2)} ms   p50(50 clients) / raw = ${(l.p50 / raw).toFixed(2)}   p50(1 client) / raw = ${(single.latency.p50 / raw).toFixed(2)}`,
  );
  console.log(`server peak RSS: ${rss} MB`);
  await target.cleanup();
}

const targets = await benchTargets('bench');
console.log(
  `bench:api — ${ROWS.toLocaleString()} rows, 50 connections, ${SECONDS}s, page ${decodeURIComponent(PAGE)}`,
);
for (const t of targets) await run(t);
