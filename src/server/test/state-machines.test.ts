import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decisions, discrepancies, paidStatusFlags, reconciliationRuns, users } from '../db/schema';
import { buildTestApp, listUrl, type TestApp } from './helper';

// The server refuses exactly the steps the SPA hides or disables (src/domain/workflows.ts).
let t: TestApp;
const agents = new Map<string, ReturnType<TestApp['login']>>();
const as = (u: string) => {
  if (!agents.has(u)) agents.set(u, t.login(u));
  return agents.get(u)!;
};
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const paidDecisionOfUnit = async (unitId: number, offset = 0) => {
  const [d] = await t.database.db
    .select()
    .from(decisions)
    .where(and(eq(decisions.unitId, unitId), eq(decisions.paymentStatus, 'paid')))
    .orderBy(decisions.id)
    .offset(offset)
    .limit(1);
  return d;
};

describe('receipt stock', () => {
  it('a decided write-off is not decided again; a written-off stub is not voided', async () => {
    const unit = await as('unit');
    const finance = await as('finance');
    const d = await paidDecisionOfUnit(1);
    const issued = (
      await unit.post('/api/receipts', { typeCode: 'onsite_receipt', decisionId: d.id })
    ).json();
    const w = await unit.post('/api/receipt-write-offs', {
      typeCode: 'onsite_receipt',
      startNo: issued.number,
      endNo: issued.number,
    });
    expect(w.statusCode).toBe(201);
    expect((await finance.post(`/api/receipt-write-offs/${w.json().id}/approve`, {})).statusCode).toBe(200);
    for (const action of ['approve', 'reject']) {
      const again = await finance.post(`/api/receipt-write-offs/${w.json().id}/${action}`, { reason: 'x' });
      expect(again.statusCode, action).toBe(409);
      expect(again.json().code).toBe('wrong_state');
    }
    const voided = await unit.post(`/api/receipts/${issued.id}/void`, { reason: '写错' });
    expect(voided.statusCode).toBe(409);
    expect(voided.json().code).toBe('wrong_state');
  });

  it('a declined stock request is neither fulfilled nor declined again', async () => {
    const unit = await as('unit_market');
    const finance = await as('finance');
    const req = await unit.post('/api/receipt-requests', { typeCode: 'payment_form', count: 5 });
    await finance.post(`/api/receipt-requests/${req.json().id}/reject`, { reason: '库存充足' });
    for (const action of ['approve', 'reject']) {
      const again = await finance.post(`/api/receipt-requests/${req.json().id}/${action}`, { reason: 'x' });
      expect(again.statusCode, action).toBe(409);
      expect(again.json().code).toBe('wrong_state');
    }
  });
});

describe('status corrections', () => {
  it('the proposer may neither confirm nor reject; a decided correction stays decided', async () => {
    const police = await as('police');
    const police2 = await as('police2');
    const [d] = await t.database.db
      .select()
      .from(decisions)
      .where(eq(decisions.paymentStatus, 'unpaid'))
      .limit(1);
    const c = await police.post('/api/status-corrections', {
      decisionId: d.id,
      toStatus: 'paid',
      reason: '当事人提供缴款凭证',
    });
    expect(c.statusCode).toBe(201);
    for (const action of ['confirm', 'reject']) {
      const own = await police.post(`/api/status-corrections/${c.json().id}/${action}`, { reason: 'x' });
      expect(own.statusCode, action).toBe(403);
      expect(own.json().code).toBe('four_eyes');
    }
    expect((await police2.post(`/api/status-corrections/${c.json().id}/confirm`, {})).statusCode).toBe(200);
    const late = await police2.post(`/api/status-corrections/${c.json().id}/reject`, { reason: 'x' });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('invalid_transition');
  });
});

describe('paid-status flags', () => {
  it('a reviewed flag is not reviewed twice', async () => {
    const police = await as('police');
    const [f] = await t.database.db
      .select()
      .from(paidStatusFlags)
      .where(eq(paidStatusFlags.state, 'open'))
      .limit(1);
    const first = await police.post('/api/paid-status-flags/bulk/review', { ids: [f.id], note: '已核实' });
    expect(first.json().results).toEqual([{ id: f.id, status: 200 }]);
    const again = await police.post('/api/paid-status-flags/bulk/review', { ids: [f.id], note: '已核实' });
    expect(again.json().results).toEqual([{ id: f.id, status: 409, code: 'already_reviewed' }]);
  });
});

describe('reconciliation', () => {
  const month = '2026-01';
  const addFinding = async (
    type: 'remitted_not_entered' | 'amount_mismatch',
    refKey: string,
    fen: number,
  ) => {
    const [finance] = await t.database.db.select().from(users).where(eq(users.username, 'finance'));
    const [run] = await t.database.db
      .insert(reconciliationRuns)
      .values({
        periodType: 'day',
        periodStart: `${month}-20`,
        bankId: 'ABC',
        status: 'completed',
        chunksTotal: 1,
        chunksDone: 1,
        found: 1,
        startedBy: finance.id,
        createdAt: new Date(),
      })
      .returning();
    const [d] = await t.database.db
      .insert(discrepancies)
      .values({
        runId: run.id,
        bankId: 'ABC',
        businessDate: `${month}-20`,
        type,
        refKey,
        platformFen: fen,
        bankFen: null,
        owner: type === 'remitted_not_entered' ? 'treasury' : 'bank',
        updatedAt: new Date(),
      })
      .returning();
    return d;
  };

  it('signing a month is refused before a run covered it, and the table names the open findings', async () => {
    const police = await as('police');
    const early = await police.post('/api/reconciliation-signoffs', { month, bankId: 'ABC' });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('not_reconciled');
    await addFinding('remitted_not_entered', 'SM-1', 12_300);
    await addFinding('amount_mismatch', 'SM-2', 4_500);
    const table = (await police.get(`/api/reconciliation-signoffs?month=${month}`)).json();
    const abc = table.banks.find((b: { bankId: string }) => b.bankId === 'ABC');
    expect(abc.reconciled).toBe(true);
    expect(abc.openDiscrepancies).toEqual([
      { type: 'amount_mismatch', count: 1, platformFen: 4_500, bankFen: null },
      { type: 'remitted_not_entered', count: 1, platformFen: 12_300, bankFen: null },
    ]);
    expect(table.banks.find((b: { bankId: string }) => b.bankId === 'CCB').reconciled).toBe(false);
    expect((await police.post('/api/reconciliation-signoffs', { month, bankId: 'ABC' })).statusCode).toBe(
      201,
    );
  });

  it('a bank does not explain the treasury’s finding; a locked month shows as locked and refuses steps', async () => {
    const bank = await as('bank_abc');
    const list = (
      await bank.get(listUrl('discrepancies', { filter: { bankId: 'ABC', state: 'open' } }))
    ).json();
    const treasurys = list.find((d: { refKey: string }) => d.refKey === 'SM-1');
    const own = list.find((d: { refKey: string }) => d.refKey === 'SM-2');
    expect(treasurys.locked).toBe(false);
    const refused = await bank.post(`/api/discrepancies/${treasurys.id}/explain`, { reason: '非本行' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('not_your_step');
    for (const u of ['finance', 'bank_abc'])
      expect(
        (await (await as(u)).post('/api/reconciliation-signoffs', { month, bankId: 'ABC' })).statusCode,
      ).toBe(201);
    const after = (await bank.get(listUrl('discrepancies', { filter: { id: [own.id] } }))).json();
    expect(after[0].locked).toBe(true);
    const locked = await bank.post(`/api/discrepancies/${own.id}/explain`, { reason: '已补单' });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().code).toBe('period_locked');
  });
});
