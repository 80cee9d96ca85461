// `npm run bench:ingest`: push BENCH_COLLECTIONS (default 100,000) signed bank collections with 20
// concurrent senders against the real server (own process) and print collections/s, latency
// percentiles, anomalies found, and the police inbox list time over that data. The decisions the
// collections pay are bulk-inserted while the server is stopped (loading them is not what is measured).
// PGlite always; PostgreSQL when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set. Not part of CI.
import { sql } from 'drizzle-orm';
import { BASE, benchTargets, peakRssMb, percentile, startServer, stop, type Target } from './bench-common';
import { issueKey, signedFetch, staffSession } from './machine-client';

const TOTAL = Number(process.env.BENCH_COLLECTIONS ?? 100_000);
const SENDERS = Number(process.env.BENCH_SENDERS ?? 20);
const PASSWORD = 'Demo@2026';
const BANKS = ['ICBC', 'ABC', 'BOC', 'CCB'];
const number = (i: number) => `BENCH2026${String(i).padStart(8, '0')}`;

/** 100k unpaid decisions of the Chengdong brigade, fine 200 yuan, served 2026-03-02 (no late fee by 03-10). */
async function fillDecisions(target: Target) {
  const database = await target.open();
  const t = performance.now();
  await database.db.execute(sql`
    insert into decisions (decision_number, unit_id, region_code, billing_code_id, project_code, fine_fen,
      served_on, party_name, id_number, licence_number, plate)
    select 'BENCH2026' || lpad(g::text, 8, '0'), u.id, u.region_code, b.id, b.project_code, 20000,
      date '2026-03-02', '叶小梅', '11010519491231002X', '11010519491231002X', '青A12345'
    from generate_series(0, ${TOTAL - 1}) g,
      (select id, region_code from units where code = '63010201') u,
      (select id, project_code from billing_codes where project_code = '00200430900' limit 1) b`);
  await database.db.execute(sql`vacuum analyze decisions`);
  const ms = performance.now() - t;
  await database.close();
  return ms;
}

/** Collection i: mostly exact payments; every 50th underpays, every 100th is a second payment, every 200th unknown. */
function collection(i: number) {
  const bank = BANKS[i % BANKS.length];
  const target = i % 100 === 99 ? i - 1 : i;
  return {
    bank,
    body: {
      decisionNumber: i % 200 === 150 ? `UNKNOWN2026${String(i).padStart(8, '0')}` : number(target),
      amountFen: i % 50 === 25 ? 15000 : 20000,
      channel: 'mobile_banking',
      bankTxnId: `${bank}BENCH${String(i).padStart(9, '0')}`,
      collectedAt: '2026-03-10T10:00:00+08:00',
    },
  };
}

async function run(target: Target) {
  console.log(`\n## ${target.name}`);
  const first = await startServer({ ...target.env, SEED_DEMO: '1', DEMO_DECISIONS: '300' });
  await stop(first.child);
  console.log(
    `bulk insert of ${TOTAL.toLocaleString()} decisions: ${(await fillDecisions(target)).toFixed(0)} ms`,
  );
  const { child } = await startServer(target.env);
  const keys = Object.fromEntries(
    await Promise.all(BANKS.map(async (b) => [b, await issueKey(BASE, 'bank', b, PASSWORD)] as const)),
  );

  const latencies: number[] = [];
  const statuses = new Map<string, number>();
  const flags = new Map<string, number>();
  let next = 0;
  let done = 0;
  const started = performance.now();
  const progress = setInterval(() => {
    const s = (performance.now() - started) / 1000;
    process.stdout.write(
      `  ${done.toLocaleString()} / ${TOTAL.toLocaleString()}  (${(done / s).toFixed(0)}/s)\r`,
    );
  }, 2000);
  await Promise.all(
    Array.from({ length: SENDERS }, async () => {
      for (let i = next++; i < TOTAL; i = next++) {
        const c = collection(i);
        const t = performance.now();
        const res = await signedFetch(BASE, keys[c.bank], 'POST', '/api/bank/v1/collections', c.body);
        latencies.push(performance.now() - t);
        const status = res.status === 201 ? String(res.body?.status) : `http ${res.status}`;
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        for (const f of (res.body?.flags as string[] | undefined) ?? [])
          flags.set(f, (flags.get(f) ?? 0) + 1);
        done++;
      }
    }),
  );
  clearInterval(progress);
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  console.log(
    `pushed ${done.toLocaleString()} collections in ${seconds.toFixed(1)} s: ${(done / seconds).toFixed(0)} collections/s`,
  );
  console.log(
    `latency ms p50 ${percentile(latencies, 50).toFixed(1)}  p95 ${percentile(latencies, 95).toFixed(1)}  p99 ${percentile(latencies, 99).toFixed(1)}  max ${latencies[latencies.length - 1].toFixed(1)}`,
  );
  console.log(`outcomes: ${[...statuses].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`flags raised: ${[...flags].map(([k, v]) => `${k} ${v}`).join(', ')}`);

  const police = await staffSession(BASE, 'police', PASSWORD);
  const inbox = `/api/paid-status-flags?filter=${encodeURIComponent('{"state":"open"}')}&range=${encodeURIComponent('[0,24]')}&sort=${encodeURIComponent('["id","DESC"]')}`;
  const times: number[] = [];
  for (let i = 0; i < 60; i++) {
    const t = performance.now();
    const r = await police.call('GET', inbox);
    if (r.status !== 200) throw new Error(`inbox ${r.status}`);
    if (i >= 10) times.push(performance.now() - t);
  }
  const counts = Date.now();
  await police.call('GET', '/api/paid-status-flags/counts');
  const countsMs = Date.now() - counts;
  times.sort((a, b) => a - b);
  console.log(
    `police inbox (open flags, first page of 25 + total): median ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms; counts per type ${countsMs} ms`,
  );
  console.log(`server peak RSS: ${peakRssMb(child.pid!)} MB`);
  await stop(child);
  await target.cleanup();
}

// BENCH_ONLY=postgres|pglite runs one store (e.g. while tuning one of them).
const targets = (await benchTargets('ingest')).filter(
  (t) => !process.env.BENCH_ONLY || t.name.toLowerCase() === process.env.BENCH_ONLY,
);
console.log(`bench:ingest — ${TOTAL.toLocaleString()} signed collections, ${SENDERS} concurrent senders`);
for (const t of targets) await run(t);
