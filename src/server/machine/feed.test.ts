import { and, count, eq, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decisionEvents, decisions, paidStatusChanges } from '../db/schema';
import { buildTestApp, type TestApp } from '../test/helper';
import { signedInject } from '../test/signed';
import { feedLag } from './feed-routes';

let t: TestApp;
let icbc: { id: string; secret: string };
let police: { id: string; secret: string };
beforeAll(async () => {
  t = await buildTestApp();
  const finance = await t.login('finance');
  icbc = (await finance.post('/api/institution-keys', { institution: 'bank', bankId: 'ICBC' })).json();
  police = (await finance.post('/api/institution-keys', { institution: 'police' })).json();
});
afterAll(() => t.close());

const signed = (
  key: { id: string; secret: string },
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
  idem = '',
) => signedInject(t.app, key, method, url, body, idem);

interface Page {
  changes: {
    cursor: string;
    decisionNumber: string;
    fromStatus: string | null;
    toStatus: string;
    source: string;
  }[];
  next: string;
}
const page = async (after?: string, limit = 50): Promise<Page> => {
  const res = await signed(
    police,
    'GET',
    `/api/police/v1/paid-status-changes?limit=${limit}${after ? `&after=${after}` : ''}`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
/** Pages from `after` until an empty page; returns the cursors read and where it stopped. */
async function drain(after?: string) {
  const seen: string[] = [];
  let cursor = after;
  for (;;) {
    const p = await page(cursor);
    seen.push(...p.changes.map((c) => c.cursor));
    if (!p.changes.length) return { seen, next: p.next };
    cursor = p.next;
  }
}
const unpaid = (n: number) =>
  t.database.db
    .select()
    .from(decisions)
    .where(eq(decisions.paymentStatus, 'unpaid'))
    .orderBy(decisions.id)
    .limit(n);
let txn = 0;
/** Pays the amount due today (fine plus any late fee), as the bank's lookup tells it. */
const pay = async (d: { decisionNumber: string }) => {
  txn += 1;
  const n = txn;
  const lookup = await signed(icbc, 'GET', `/api/bank/v1/decisions/${encodeURIComponent(d.decisionNumber)}`);
  const { amountDueFen } = lookup.json() as { amountDueFen: number };
  return signed(
    icbc,
    'POST',
    '/api/bank/v1/collections',
    {
      decisionNumber: d.decisionNumber,
      amountFen: amountDueFen,
      channel: 'mobile_banking',
      bankTxnId: `FEED-${n}`,
      collectedAt: '2026-03-16T10:00:00+08:00',
    },
    `feed-push-${n}`,
  );
};

describe('paid-status feed 已缴款 changes for the police platform', () => {
  it('holds every existing payment-status transition (backfilled), not the initial import, each once', async () => {
    const [{ n: transitions }] = await t.database.db
      .select({ n: count() })
      .from(decisionEvents)
      .where(
        and(
          ne(decisionEvents.source, 'import'),
          sql`${decisionEvents.fromStatus} is distinct from ${decisionEvents.toStatus}`,
        ),
      );
    expect(transitions).toBeGreaterThan(0);
    const { seen } = await drain();
    expect(seen.length).toBe(transitions);
    expect(new Set(seen).size).toBe(seen.length);
    const first = (await page(undefined, 5)).changes[0];
    expect(first).toMatchObject({
      source: expect.not.stringMatching(/^import$/),
      toStatus: expect.any(String),
    });
  });

  it('a new bank payment appears after the last cursor; the position read gives the platform’s lag', async () => {
    const { next } = await drain();
    const [d] = await unpaid(1);
    expect((await pay(d)).statusCode).toBeLessThan(300);
    const after = await page(next);
    expect(after.changes.map((c) => c.decisionNumber)).toEqual([d.decisionNumber]);
    expect(after.changes[0]).toMatchObject({ fromStatus: 'unpaid', source: 'bank' });
    // Read up to `next` but not beyond: one change is still unread.
    expect((await feedLag(t.database.db, t.ctx.clock.now()))?.unread).toBe(1);
    const police = await t.login('police');
    const summary = (await police.get('/api/summary')).json();
    expect(summary.cards).toContainEqual({ key: 'feed_lag_minutes', value: expect.any(Number) });
    expect(summary.warnings).toEqual([]);
    // Left unread for 3 hours (past SYNC_LAG_HOURS, 2 by default): police are warned.
    await t.database.db
      .update(paidStatusChanges)
      .set({ at: new Date(t.ctx.clock.now().getTime() - 3 * 3_600_000) })
      .where(eq(paidStatusChanges.decisionNumber, d.decisionNumber));
    expect((await police.get('/api/summary')).json().warnings).toEqual([
      { key: 'feed_lag', hours: 3, count: 1 },
    ]);
    await page(after.next);
    expect(await feedLag(t.database.db, t.ctx.clock.now())).toBeNull();
  });

  it('only the police platform reads it, signed', async () => {
    expect((await signed(icbc, 'GET', '/api/police/v1/paid-status-changes')).statusCode).toBe(403);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/police/v1/paid-status-changes' })).statusCode,
    ).toBe(401);
    expect((await signed(police, 'GET', '/api/police/v1/paid-status-changes?after=-1')).statusCode).toBe(400);
  });

  it('a reader paging during parallel pushes sees every change exactly once', async () => {
    const start = (await drain()).next;
    const targets = await unpaid(40);
    let pushing = true;
    const pushes = (async () => {
      try {
        for (let i = 0; i < targets.length; i += 8) {
          const answers = await Promise.all(targets.slice(i, i + 8).map((d) => pay(d)));
          for (const a of answers) expect(a.statusCode, a.body).toBe(201);
        }
      } finally {
        pushing = false;
      }
    })();
    const seen: string[] = [];
    let cursor = start;
    while (pushing) {
      const p = await page(cursor, 7);
      seen.push(...p.changes.map((c) => c.cursor));
      cursor = p.next;
      // On PGlite everything runs on one thread: give the pushes a turn between pages.
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await pushes;
    const rest = await drain(cursor);
    seen.push(...rest.seen);
    const table = (
      await t.database.db
        .select({ seq: paidStatusChanges.seq })
        .from(paidStatusChanges)
        .where(sql`${paidStatusChanges.seq} > ${Number(start)}`)
    ).map((r) => String(r.seq));
    expect(table.length).toBeGreaterThanOrEqual(targets.length);
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(new Set(table));
  });
});
