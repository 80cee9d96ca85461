import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collections, decisions, statementLines } from '../db/schema';
import { buildTestApp, listUrl, type TestApp } from '../test/helper';

let t: TestApp;
const agents = new Map<string, ReturnType<TestApp['login']>>();
const as = (u: string) => {
  if (!agents.has(u)) agents.set(u, t.login(u));
  return agents.get(u)!;
};
const DAY = '2026-03-15';
beforeAll(async () => {
  t = await buildTestApp();
  // Known findings for BOC on one day, next to whatever the demo has there.
  const { db } = t.database;
  const [d] = await db.select().from(decisions).where(eq(decisions.paymentStatus, 'paid')).limit(1);
  const collected = (txn: string, amountFen: number) => ({
    bankId: 'BOC',
    bankTxnId: txn,
    decisionNumber: d.decisionNumber,
    decisionId: d.id,
    regionCode: d.regionCode,
    amountFen,
    channel: 'counter' as const,
    collectedAt: new Date(`${DAY}T10:00:00+08:00`),
    businessDate: DAY,
    receivedAt: new Date(`${DAY}T10:00:05+08:00`),
  });
  await db
    .insert(collections)
    .values([
      collected('RECON-1', 20_000),
      collected('RECON-2', 20_000),
      collected('RECON-3', 20_000),
      collected('RECON-6', 20_000),
    ]);
  const line = (txn: string, amountFen: number, kind: 'collection' | 'offset' = 'collection') => ({
    bankId: 'BOC',
    account: '0',
    valueDate: DAY,
    bankTxnId: txn,
    amountFen,
    kind,
    receivedAt: new Date(),
  });
  await db
    .insert(statementLines)
    .values([
      line('RECON-1', 20_000),
      line('RECON-3', 25_000),
      line('RECON-4', 30_000),
      line('RECON-5', 5_000, 'offset'),
      line('RECON-6', 20_000),
    ]);
});
afterAll(() => t.close());

async function runAndWait(body: object) {
  const finance = await as('finance');
  const started = await finance.post('/api/reconciliation-runs', body);
  expect(started.statusCode).toBe(202);
  for (let i = 0; i < 300; i++) {
    const run = (await finance.get(`/api/reconciliation-runs/${started.json().id}`)).json();
    if (run.status === 'completed' || run.status === 'failed') return run;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('run did not finish');
}

const ours = async (runId: number) =>
  (
    await (
      await as('finance')
    ).get(listUrl('discrepancies', { filter: { runId, bankId: 'BOC' }, range: [0, 999] }))
  )
    .json()
    .filter((x: { refKey: string }) => x.refKey.startsWith('RECON-'))
    .map((x: { type: string; refKey: string; platformFen: number | null; bankFen: number | null }) => [
      x.type,
      x.refKey,
      x.platformFen,
      x.bankFen,
    ])
    .sort();

describe('reconciliation runs', () => {
  it('finds exactly the injected discrepancies with the amounts on each side, in SQL, chunk by chunk', async () => {
    const run = await runAndWait({ periodType: 'day', periodStart: DAY, bankId: 'BOC' });
    expect(run).toMatchObject({ status: 'completed', chunksTotal: 1, chunksDone: 1 });
    expect(await ours(run.id)).toEqual([
      ['amount_mismatch', 'RECON-3', 20_000, 25_000],
      ['bank_not_platform', 'RECON-4', null, 30_000],
      ['duplicate', 'RECON-1', 20_000, 20_000],
      ['duplicate', 'RECON-2', 20_000, 20_000],
      ['duplicate', 'RECON-3', 20_000, 20_000],
      ['duplicate', 'RECON-6', 20_000, 20_000],
      ['platform_not_bank', 'RECON-2', 20_000, null],
      ['refund_without_voucher', 'RECON-5:offset', null, 5_000],
    ]);
  });

  it('a re-run replaces findings without duplicates and keeps an explanation', async () => {
    const bank = await as('bank_boc');
    const first = (
      await bank.get(listUrl('discrepancies', { filter: { type: 'bank_not_platform' }, range: [0, 999] }))
    ).json();
    const recon4 = first.find((x: { refKey: string }) => x.refKey === 'RECON-4');
    const explained = await bank.post(`/api/discrepancies/${recon4.id}/explain`, {
      reason: '系统重复记账，已冲正',
    });
    expect(explained.json()).toMatchObject({ state: 'explained', note: '系统重复记账，已冲正' });
    expect(
      (await (await as('treasury')).post(`/api/discrepancies/${recon4.id}/explain`, { reason: 'x' }))
        .statusCode,
    ).toBe(403);
    const again = await runAndWait({ periodType: 'day', periodStart: DAY, bankId: 'BOC' });
    const rows = await ours(again.id);
    expect(rows).toHaveLength(8);
    const after = (await bank.get(listUrl('discrepancies', { filter: { id: [recon4.id] } }))).json();
    expect(after).toEqual([expect.objectContaining({ id: recon4.id, state: 'explained', runId: again.id })]);
    const icbc = await as('bank_icbc');
    expect((await icbc.get(listUrl('discrepancies', { filter: { id: [recon4.id] } }))).json()).toEqual([]);
  });

  it('three sign-offs lock the month: no new run, no edits, until finance reopens it with a reason', async () => {
    const month = DAY.slice(0, 7);
    for (const u of ['finance', 'police', 'bank_boc']) {
      const res = await (await as(u)).post('/api/reconciliation-signoffs', { month, bankId: 'BOC' });
      expect(res.statusCode, u).toBe(201);
    }
    expect(
      (await (await as('police')).post('/api/reconciliation-signoffs', { month, bankId: 'BOC' })).statusCode,
    ).toBe(409);
    const table = (await (await as('finance')).get(`/api/reconciliation-signoffs?month=${month}`)).json();
    expect(table.timetable).toMatchObject({
      monthEnd: '2026-03-31',
      treasuryTable: '2026-04-03',
      monthlyReport: '2026-04-07',
    });
    expect(table.banks.find((b: { bankId: string }) => b.bankId === 'BOC')).toMatchObject({
      locked: true,
      late: [],
    });
    const finance = await as('finance');
    const blocked = await finance.post('/api/reconciliation-runs', {
      periodType: 'day',
      periodStart: DAY,
      bankId: 'BOC',
    });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().code).toBe('period_locked');
    const [open] = (
      await finance.get(listUrl('discrepancies', { filter: { bankId: 'BOC', state: 'open' } }))
    ).json();
    expect(
      (await finance.post(`/api/discrepancies/${open.id}/resolve`, { reason: '已核实' })).json().code,
    ).toBe('period_locked');
    expect(
      (await finance.post('/api/reconciliation-signoffs/reopen', { month, bankId: 'BOC' })).statusCode,
    ).toBe(400);
    expect(
      (
        await finance.post('/api/reconciliation-signoffs/reopen', {
          month,
          bankId: 'BOC',
          reason: '银行补报对账单',
        })
      ).json(),
    ).toMatchObject({
      locked: false,
    });
    expect(
      (await finance.post(`/api/discrepancies/${open.id}/resolve`, { reason: '已核实' })).json().state,
    ).toBe('resolved');
  });
});

describe('monthly timetable', () => {
  it('rolls deadlines on days off to the next working day', async () => {
    const table = (await (await as('police')).get('/api/reconciliation-signoffs?month=2025-09')).json();
    // 3 October 2025 is in the National Day holiday: the treasury's table is due 9 October.
    expect(table.timetable).toEqual({
      monthEnd: '2025-09-30',
      treasuryTable: '2025-10-09',
      unitConfirmation: '2025-10-11',
      monthlyReport: '2025-10-09',
    });
  });
});
