// `npm test`: every leg whose prerequisites exist, a loud SKIPPED line for the others, and one total.
// With CI=true a skipped leg is a failure: CI must run them all.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const OUT = '.test-output';
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const ci = process.env.CI === 'true' || process.env.CI === '1';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const results = [];

function run(name, cmd, args, env = {}) {
  console.log(`\n=== ${name} ===`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function vitestLeg(name, args, env) {
  const file = `${OUT}/${name}.json`;
  const status = run(
    name,
    'npx',
    ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile=${file}`],
    env,
  );
  const json = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
  const passed = json?.numPassedTests ?? 0;
  const failed = (json?.numFailedTests ?? 0) + (status !== 0 && !json?.numFailedTests ? 1 : 0);
  results.push({ name, passed, failed });
}

function skipped(name, why) {
  console.log(`\n${'!'.repeat(72)}\n!!! SKIPPED: ${name} — ${why}\n${'!'.repeat(72)}`);
  results.push({ name, passed: 0, failed: 0, skipped: why });
}

vitestLeg('unit+api(PGlite)+component', [], { TEST_DATABASE_URL: '' });

if (process.env.TEST_DATABASE_URL) vitestLeg('api(PostgreSQL)', ['--project', 'api'], {});
else
  skipped(
    'api(PostgreSQL)',
    'set TEST_DATABASE_URL=postgres://user:pass@127.0.0.1:5432/postgres to run the API suite on PostgreSQL',
  );

if (existsSync(chromium)) {
  const build = run('build SPA for e2e', 'node', ['scripts/build-if-stale.mjs']);
  const file = `${OUT}/e2e.json`;
  const status =
    build === 0
      ? run('e2e (Playwright, chromium)', 'npx', ['playwright', 'test', '--reporter=list,json'], {
          PLAYWRIGHT_JSON_OUTPUT_NAME: file,
        })
      : 1;
  const stats = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).stats : null;
  const passed = (stats?.expected ?? 0) + (stats?.flaky ?? 0);
  const failed = (stats?.unexpected ?? 0) + (status !== 0 && !stats?.unexpected ? 1 : 0);
  results.push({ name: 'e2e', passed, failed, flaky: stats?.flaky ?? 0 });
} else skipped('e2e', `no browser at ${chromium} (apt-get install -y chromium fonts-noto-cjk)`);

console.log('\n=== summary ===');
for (const r of results)
  console.log(
    `${r.name.padEnd(30)} ${r.skipped ? 'SKIPPED' : `${r.passed} passed, ${r.failed} failed`}${r.flaky ? ` (${r.flaky} passed only on retry)` : ''}`,
  );
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
const skippedLegs = results.filter((r) => r.skipped).length;
if (ci && skippedLegs) console.log(`CI=true: ${skippedLegs} leg(s) skipped — failing.`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || (ci && skippedLegs) ? 1 : 0);
