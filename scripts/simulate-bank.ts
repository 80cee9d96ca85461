// `npm run simulate:bank -- --count N [--bank ICBC] [--decision NUMBER] [--url http://127.0.0.1:8080]`
// Plays an agent bank: looks decisions up and pushes signed collections for the amount due.
// Uses BANK_KEY_ID/BANK_KEY_SECRET when set, otherwise signs in as finance and issues a key.
import { parseArgs } from 'node:util';
import { issueKey, type Key, signedFetch, staffSession } from './machine-client';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '10' },
    bank: { type: 'string', default: 'ICBC' },
    decision: { type: 'string', multiple: true },
    url: { type: 'string', default: process.env.SIM_URL ?? `http://127.0.0.1:${process.env.PORT ?? 8080}` },
    channel: { type: 'string', default: 'mobile_banking' },
  },
});
const base = values.url;
const password = process.env.DEMO_PASSWORD ?? 'Demo@2026';
const key: Key =
  process.env.BANK_KEY_ID && process.env.BANK_KEY_SECRET
    ? { id: process.env.BANK_KEY_ID, secret: process.env.BANK_KEY_SECRET }
    : await issueKey(base, 'bank', values.bank, password);

let numbers = values.decision ?? [];
if (numbers.length === 0) {
  // A stream of customers with unpaid decisions: the police list gives realistic decision numbers.
  const police = await staffSession(base, 'police', password);
  const filter = encodeURIComponent(JSON.stringify({ paymentStatus: 'unpaid' }));
  const list = await police.call(
    'GET',
    `/api/decisions?filter=${filter}&range=[0,${Number(values.count) - 1}]`,
  );
  numbers = (list.body as { decisionNumber: string }[]).map((d) => d.decisionNumber);
}

const started = performance.now();
const tally: Record<string, number> = {};
for (const number of numbers) {
  const lookup = await signedFetch(base, key, 'GET', `/api/bank/v1/decisions/${encodeURIComponent(number)}`);
  if (lookup.status !== 200 || !lookup.body?.payable) {
    tally[`not payable (${lookup.body?.reason ?? lookup.status})`] =
      (tally[`not payable (${lookup.body?.reason ?? lookup.status})`] ?? 0) + 1;
    continue;
  }
  const push = await signedFetch(base, key, 'POST', '/api/bank/v1/collections', {
    decisionNumber: number,
    amountFen: lookup.body.amountDueFen,
    channel: values.channel,
    bankTxnId: `${values.bank}SIM${Date.now()}${Math.floor(Math.random() * 1e6)}`,
    // "Now" in the server's business calendar (a demo may pin APP_TODAY), at the current Shanghai time of day.
    collectedAt: `${lookup.body.asOf}T${new Date(Date.now() + 8 * 3_600_000).toISOString().slice(11, 19)}+08:00`,
  });
  const outcome =
    push.status === 201 ? `${push.body?.status} → ${push.body?.decisionStatus}` : `HTTP ${push.status}`;
  tally[outcome] = (tally[outcome] ?? 0) + 1;
  // The bank hands the payer the e-receipt link (for a named decision, print it).
  const receipt = push.body?.receipt as { status: string; token?: string } | undefined;
  if (values.decision && receipt?.token) console.log(`  e-receipt for ${number}: ${base}/r/${receipt.token}`);
}
const seconds = (performance.now() - started) / 1000;
console.log(
  `simulate:bank ${values.bank} key ${key.id}: ${numbers.length} decisions in ${seconds.toFixed(1)} s`,
);
for (const [k, n] of Object.entries(tally)) console.log(`  ${k}: ${n}`);
