import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  billingCodes,
  collections,
  decisions,
  entryFeedback,
  remittances,
  remittanceTransferItems,
  remittanceTransfers,
} from '../db/schema';
import { buildTestApp, listUrl, type TestApp } from '../test/helper';
import { signedInject } from '../test/signed';

let t: TestApp;
let icbc: { id: string; secret: string };
const agents = new Map<string, ReturnType<TestApp['login']>>();
const as = (u: string) => {
  if (!agents.has(u)) agents.set(u, t.login(u));
  return agents.get(u)!;
};
beforeAll(async () => {
  t = await buildTestApp();
  icbc = (
    await (await as('finance')).post('/api/institution-keys', { institution: 'bank', bankId: 'ICBC' })
  ).json();
});
afterAll(() => t.close());

describe('remittance timeliness', () => {
  it('the demo has on-time, late and overdue obligations; the KPI adds up per bank', async () => {
    const rows = await t.database.db.select().from(remittances);
    const statuses = new Set(rows.map((r) => r.status));
    for (const s of ['on_time', 'late', 'overdue']) expect(statuses).toContain(s);
    const treasury = await as('treasury');
    const kpi = (await treasury.get('/api/remittances/timeliness?from=2025-01-01&to=2026-12-31')).json();
    expect(kpi.map((k: { bankId: string }) => k.bankId).sort()).toEqual(['ABC', 'BOC', 'CCB', 'ICBC']);
    for (const k of kpi) {
      const mine = rows.filter((r) => r.bankId === k.bankId && r.status !== 'pending');
      expect(k.count).toBe(mine.length);
      expect(k.onTimeCount).toBe(mine.filter((r) => r.status === 'on_time').length);
      expect(k.onTimeRate).toBeCloseTo(k.onTimeCount / k.count, 10);
      expect(k.overdueAmountFen).toBe(
        mine.filter((r) => r.status === 'overdue').reduce((s, r) => s + r.amountFen - r.remittedFen, 0),
      );
      expect(k.worstDelayWorkingDays).toBe(Math.max(0, ...mine.map((r) => r.workingDaysLate)));
    }
  });

  it('refuses invalid dates with 400; a bank sees only itself', async () => {
    const treasury = await as('treasury');
    expect((await treasury.get('/api/remittances/timeliness?from=2026-02-30&to=2026-03-01')).statusCode).toBe(
      400,
    );
    expect((await treasury.get('/api/remittances/timeliness?from=2026-03-10&to=2026-03-01')).statusCode).toBe(
      400,
    );
    expect((await treasury.get('/api/remittances/timeliness?to=2026-03-01')).statusCode).toBe(400);
    const bank = await as('bank_icbc');
    const kpi = (await bank.get('/api/remittances/timeliness?from=2025-01-01&to=2026-12-31')).json();
    expect(kpi.map((k: { bankId: string }) => k.bankId)).toEqual(['ICBC']);
    const list = (await bank.get(listUrl('remittances', { range: [0, 999] }))).json();
    expect(new Set(list.map((r: { bankId: string }) => r.bankId))).toEqual(new Set(['ICBC']));
    expect(
      (await (await as('police')).get('/api/remittances/timeliness?from=2026-01-01&to=2026-03-01'))
        .statusCode,
    ).toBe(403);
  });
});

describe('drill-down from an obligation to its collections', () => {
  it('lists exactly the collections an obligation covers, each with the transfer that remitted it', async () => {
    const rows = await t.database.db.select().from(remittances);
    const treasury = await as('treasury');
    const sample = ['on_time', 'late', 'overdue'].map((s) => rows.find((r) => r.status === s)!);
    for (const o of sample) {
      const res = await treasury.get(`/api/remittances/${o.id}/collections`);
      expect(res.statusCode).toBe(200);
      const list = res.json() as {
        bankTxnId: string;
        amountFen: number;
        transferReference: string | null;
        remittedOn: string | null;
      }[];
      expect(list.length, o.status).toBe(o.collectionCount);
      expect(list.reduce((s, c) => s + c.amountFen, 0)).toBe(o.amountFen);
      const remitted = list.filter((c) => c.transferReference !== null);
      expect(remitted.reduce((s, c) => s + c.amountFen, 0)).toBe(o.remittedFen);
      if (o.status === 'late')
        expect(remitted.every((c) => c.remittedOn !== null && c.remittedOn > o.dueDate)).toBe(true);
    }
    // Neighbouring obligations of the same bank do not share a collection.
    const bank = sample[0].bankId;
    const mine = rows.filter((r) => r.bankId === bank).slice(0, 6);
    const seen = new Set<string>();
    for (const o of mine)
      for (const c of (await treasury.get(`/api/remittances/${o.id}/collections`)).json()) {
        expect(seen.has(c.bankTxnId)).toBe(false);
        seen.add(c.bankTxnId);
      }
  });

  it('a bank drills into its own obligations only; police may not', async () => {
    const rows = await t.database.db.select().from(remittances);
    const icbc = rows.find((r) => r.bankId === 'ICBC')!;
    expect((await (await as('bank_icbc')).get(`/api/remittances/${icbc.id}/collections`)).statusCode).toBe(
      200,
    );
    expect((await (await as('bank_boc')).get(`/api/remittances/${icbc.id}/collections`)).statusCode).toBe(
      404,
    );
    expect((await (await as('police')).get(`/api/remittances/${icbc.id}/collections`)).statusCode).toBe(403);
  });
});

describe('transfers and treasury entries', () => {
  it('a bank remits its collections; the treasury enters it late; finance sees entered_late and acknowledges', async () => {
    const [d] = await t.database.db
      .select({
        number: decisions.decisionNumber,
        fineFen: decisions.fineFen,
        level: billingCodes.budgetLevel,
        subject: billingCodes.budgetSubjectCode,
      })
      .from(decisions)
      .innerJoin(billingCodes, eq(billingCodes.id, decisions.billingCodeId))
      .where(and(eq(decisions.paymentStatus, 'unpaid'), eq(decisions.unitId, 1)))
      .limit(1);
    const pay = await signedInject(
      t.app,
      icbc,
      'POST',
      '/api/bank/v1/collections',
      {
        decisionNumber: d.number,
        amountFen: d.fineFen,
        channel: 'counter',
        bankTxnId: 'ICBCRT0001',
        collectedAt: '2026-03-13T10:00:00+08:00',
      },
      'idem-rt-pay-1',
    );
    expect(pay.statusCode).toBe(201);
    const [c] = await t.database.db.select().from(collections).where(eq(collections.bankTxnId, 'ICBCRT0001'));
    const remit = (body: object, idem: string) =>
      signedInject(t.app, icbc, 'POST', '/api/bank/v1/remittances', body, idem);
    const body = {
      reference: 'ICBC-TEST-0001',
      amountFen: c.amountFen,
      transferredAt: '2026-03-13T16:00:00+08:00',
      bankTxnIds: ['ICBCRT0001'],
    };
    const wrong = await remit({ ...body, amountFen: c.amountFen + 1 }, 'idem-rt-1a');
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().code).toBe('remittance_amount');
    const foreign = await remit({ ...body, bankTxnIds: ['NOPE'] }, 'idem-rt-1b');
    expect(foreign.json().code).toBe('remittance_collections');
    const ok = await remit(body, 'idem-rt-1');
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ reference: 'ICBC-TEST-0001', collections: 1 });
    const again = await remit({ ...body, reference: 'ICBC-TEST-0002' }, 'idem-rt-2');
    expect(again.json().code).toBe('remittance_collections');

    const treasury = await as('treasury');
    const treasuries = (await treasury.get(listUrl('treasuries'))).json();
    const entry = {
      treasuryId: treasuries[0].id,
      entryDate: '2026-03-16',
      amountFen: c.amountFen,
      budgetSubjectCode: d.subject,
      budgetLevel: d.level,
      transferReference: 'ICBC-TEST-0001',
    };
    expect(
      (await treasury.post('/api/treasury-entries', { ...entry, transferReference: 'NO-SUCH-REF' })).json()
        .code,
    ).toBe('unknown_transfer');
    expect((await (await as('finance')).post('/api/treasury-entries', entry)).statusCode).toBe(403);
    const created = await treasury.post('/api/treasury-entries', entry);
    expect(created.statusCode).toBe(201);
    expect(created.json().feedback).toEqual([
      expect.objectContaining({ type: 'entered_late', expectedFen: c.amountFen }),
    ]);

    const finance = await as('finance');
    const feedback = (
      await finance.get(listUrl('entry-feedback', { filter: { type: 'entered_late', acknowledged: false } }))
    ).json();
    const mine = feedback.find((f: { reference: string }) => f.reference === 'ICBC-TEST-0001');
    expect(mine).toMatchObject({ bankName: expect.any(String), acknowledgedAt: null });
    const ack = await finance.post(`/api/entry-feedback/${mine.id}/acknowledge`, { reason: '已通知国库' });
    expect(ack.json()).toMatchObject({ note: '已通知国库', acknowledgedBy: expect.any(Number) });
    expect((await finance.post(`/api/entry-feedback/${mine.id}/acknowledge`, {})).statusCode).toBe(409);
    const boc = await as('bank_boc');
    expect((await boc.get(`/api/entry-feedback/${mine.id}`)).statusCode).toBe(404);
  });

  it('a second entry at the wrong level turns the finding into 混库 and needs a new acknowledgement', async () => {
    const treasury = await as('treasury');
    const treasuries = (await treasury.get(listUrl('treasuries'))).json();
    const res = await treasury.post('/api/treasury-entries', {
      treasuryId: treasuries[0].id,
      entryDate: '2026-03-16',
      amountFen: 100,
      budgetSubjectCode: '103050101',
      budgetLevel: 'central',
      transferReference: 'ICBC-TEST-0001',
    });
    expect(res.json().feedback).toEqual([
      expect.objectContaining({ type: 'wrong_subject_level', acknowledgedAt: null }),
    ]);
  });
});

describe('a typed-in entry says at once what it caused', () => {
  it('an entry short of the transfer comes back as partial, with both amounts', async () => {
    const [f] = await t.database.db
      .select({ transferId: entryFeedback.transferId, reference: remittanceTransfers.reference })
      .from(entryFeedback)
      .innerJoin(remittanceTransfers, eq(remittanceTransfers.id, entryFeedback.transferId))
      .where(eq(entryFeedback.type, 'missing'))
      .limit(1);
    expect(f).toBeDefined();
    const [expected] = await t.database.db
      .select({
        subject: billingCodes.budgetSubjectCode,
        level: billingCodes.budgetLevel,
        amountFen: collections.amountFen,
      })
      .from(remittanceTransferItems)
      .innerJoin(collections, eq(collections.id, remittanceTransferItems.collectionId))
      .innerJoin(decisions, eq(decisions.id, collections.decisionId))
      .innerJoin(billingCodes, eq(billingCodes.id, decisions.billingCodeId))
      .where(eq(remittanceTransferItems.transferId, f.transferId))
      .limit(1);
    const treasury = await as('treasury');
    const treasuries = (await treasury.get(listUrl('treasuries'))).json();
    const res = await treasury.post('/api/treasury-entries', {
      treasuryId: treasuries[0].id,
      entryDate: '2026-03-16',
      amountFen: Math.max(1, expected.amountFen - 100),
      budgetSubjectCode: expected.subject,
      budgetLevel: expected.level,
      transferReference: f.reference,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().feedback).toEqual([
      expect.objectContaining({
        type: 'partial',
        enteredFen: Math.max(1, expected.amountFen - 100),
        expectedFen: expect.any(Number),
      }),
    ]);
    expect(res.json().feedback[0].expectedFen).toBeGreaterThan(res.json().feedback[0].enteredFen);
  });
});
