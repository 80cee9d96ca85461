// `npm run simulate:police -- [--after CURSOR] [--limit 500] [--url http://127.0.0.1:8080]`
// Plays the police traffic platform: reads the paid-status feed page by page from `--after` (the
// beginning by default) and prints what it would clear (变更为"已缴款") or reopen, then the cursor to
// resume from. Uses POLICE_KEY_ID/POLICE_KEY_SECRET when set, otherwise signs in as finance and
// issues a police key.
import { parseArgs } from 'node:util';
import { issueKey, type Key, signedFetch } from './machine-client';

const { values } = parseArgs({
  options: {
    after: { type: 'string' },
    limit: { type: 'string', default: '500' },
    url: { type: 'string', default: process.env.SIM_URL ?? `http://127.0.0.1:${process.env.PORT ?? 8080}` },
  },
});
const base = values.url;
const key: Key =
  process.env.POLICE_KEY_ID && process.env.POLICE_KEY_SECRET
    ? { id: process.env.POLICE_KEY_ID, secret: process.env.POLICE_KEY_SECRET }
    : await issueKey(base, 'police', null, process.env.DEMO_PASSWORD ?? 'Demo@2026');

interface Change {
  cursor: string;
  decisionNumber: string;
  fromStatus: string | null;
  toStatus: string;
  source: string;
  at: string;
}
const tally: Record<string, number> = {};
let after = values.after;
for (;;) {
  const q = new URLSearchParams({ limit: values.limit, ...(after ? { after } : {}) });
  const page = await signedFetch(base, key, 'GET', `/api/police/v1/paid-status-changes?${q}`);
  if (page.status !== 200) throw new Error(`feed: ${page.status} ${JSON.stringify(page.body)}`);
  const { changes, next } = page.body as { changes: Change[]; next: string };
  for (const c of changes) {
    const action =
      c.toStatus === 'paid'
        ? 'clear (已缴款)'
        : c.toStatus === 'unpaid'
          ? 'reopen (未缴款)'
          : `mark ${c.toStatus}`;
    tally[action] = (tally[action] ?? 0) + 1;
    console.log(
      `${c.cursor}\t${c.at}\t${c.decisionNumber}\t${c.fromStatus ?? '—'} → ${c.toStatus}\t(${c.source})\t${action}`,
    );
  }
  after = next;
  if (changes.length === 0) break;
}
console.log(`\n${JSON.stringify(tally)}; resume with --after ${after}`);
