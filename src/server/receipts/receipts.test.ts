import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatFen } from '../../domain';
import { decisions, eReceiptSegments, receiptBatches, receipts } from '../db/schema';
import { STALE_STUB_UNIT } from '../demo/receipts';
import { EXCLUSION_VIOLATION, pgErrorCode } from '../http/db-errors';
import { buildTestApp, listUrl, type TestApp } from '../test/helper';
import { signedInject } from '../test/signed';

let t: TestApp;
let icbc: { id: string; secret: string };
beforeAll(async () => {
  t = await buildTestApp();
  const finance = await as('finance');
  icbc = (await finance.post('/api/institution-keys', { institution: 'bank', bankId: 'ICBC' })).json();
});
afterAll(() => t.close());

const agents = new Map<string, ReturnType<TestApp['login']>>();
const as = (username: string) => {
  if (!agents.has(username)) agents.set(username, t.login(username));
  return agents.get(username)!;
};

/** The unit's row in the balance report for one type. */
async function balanceOf(
  username: string,
  typeCode: string,
  holder: (r: BalanceRow) => boolean,
  date?: string,
) {
  const res = await (await as(username)).get(`/api/receipt-balance${date ? `?date=${date}` : ''}`);
  expect(res.statusCode).toBe(200);
  return (res.json().rows as BalanceRow[]).find((r) => r.typeCode === typeCode && holder(r));
}
interface BalanceRow {
  typeCode: string;
  regionCode: string;
  unitId: number | null;
  received: number;
  passedOn: number;
  used: number;
  balance: number;
}

describe('purchases 领购', () => {
  it('a purchase overlapping another of the same type is a 409 naming the clash; the database refuses it too', async () => {
    const finance = await as('finance');
    const ok = await finance.post('/api/receipt-batches', {
      typeCode: 'payment_form',
      startNo: 900_001,
      endNo: 901_000,
      purchasedOn: '2026-03-10',
    });
    expect(ok.statusCode).toBe(201);
    const clash = await finance.post('/api/receipt-batches', {
      typeCode: 'payment_form',
      startNo: 900_900,
      endNo: 902_000,
      purchasedOn: '2026-03-11',
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toMatchObject({ code: 'receipt_range_overlap' });
    expect(clash.json().message).toContain(`#${ok.json().id} (900001–901000`);
    // Another type may use the same numbers.
    const other = await finance.post('/api/receipt-batches', {
      typeCode: 'onsite_receipt',
      startNo: 900_900,
      endNo: 902_000,
      purchasedOn: '2026-03-11',
    });
    expect(other.statusCode).toBe(201);
    const direct = await t.database.db
      .insert(receiptBatches)
      .values({
        typeCode: 'payment_form',
        startNo: 900_500,
        endNo: 900_600,
        regionCode: '63',
        purchasedOn: '2026-03-11',
        createdAt: new Date(),
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(pgErrorCode(direct)).toBe(EXCLUSION_VIOLATION);
  });

  it('only finance purchases; a unit gets 403', async () => {
    const unit = await as('unit');
    const res = await unit.post('/api/receipt-batches', {
      typeCode: 'payment_form',
      startNo: 990_001,
      endNo: 990_002,
      purchasedOn: '2026-03-10',
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('allocation 发放 down the hierarchy', () => {
  it('province → city → county → unit in one step; every level’s balance adds up', async () => {
    const finance = await as('finance');
    const before = await balanceOf('finance', 'onsite_receipt', (r) => r.unitId === 1);
    const res = await finance.post('/api/receipt-holdings/allocate', {
      typeCode: 'onsite_receipt',
      from: { regionCode: '63' },
      to: { unitId: 1 },
      count: 150,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ hops: 3, count: 150 });
    const ranges = res.json().ranges as { startNo: number; endNo: number }[];
    expect(ranges.reduce((n, r) => n + r.endNo - r.startNo + 1, 0)).toBe(150);
    const after = await balanceOf('finance', 'onsite_receipt', (r) => r.unitId === 1);
    expect(after!.received - before!.received).toBe(150);
    expect(after!.balance - before!.balance).toBe(150);
    for (const region of ['6301', '630102']) {
      const mid = await balanceOf(
        'finance',
        'onsite_receipt',
        (r) => r.unitId === null && r.regionCode === region,
      );
      expect(mid!.received).toBe(mid!.passedOn);
    }
    // The unit sees only its own row, with the same figures.
    expect(await balanceOf('unit', 'onsite_receipt', (r) => r.unitId === 1)).toEqual(after);
    expect(await balanceOf('unit', 'onsite_receipt', (r) => r.unitId === 7)).toBeUndefined();
  });

  it('parallel allocations from one holder all succeed while stock lasts, none sharing a number', async () => {
    const finance = await as('finance');
    const before = await balanceOf(
      'finance',
      'onsite_receipt',
      (r) => r.unitId === null && r.regionCode === '63',
    );
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        finance.post('/api/receipt-holdings/allocate', {
          typeCode: 'onsite_receipt',
          from: { regionCode: '63' },
          to: { regionCode: '6301' },
          count: 5,
        }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(12).fill(201));
    const numbers = results.flatMap((r) =>
      (r.json().ranges as { startNo: number; endNo: number }[]).flatMap((g) =>
        Array.from({ length: g.endNo - g.startNo + 1 }, (_, i) => g.startNo + i),
      ),
    );
    expect(new Set(numbers).size).toBe(60);
    const after = await balanceOf(
      'finance',
      'onsite_receipt',
      (r) => r.unitId === null && r.regionCode === '63',
    );
    expect(before!.balance - after!.balance).toBe(60);
  });

  it('more than the holder has is a 422; sideways is a 400', async () => {
    const finance = await as('finance');
    const tooMany = await finance.post('/api/receipt-holdings/allocate', {
      typeCode: 'onsite_receipt',
      from: { regionCode: '6302' },
      to: { unitId: 4 },
      count: 10,
    });
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json().code).toBe('insufficient_stock');
    const sideways = await finance.post('/api/receipt-holdings/allocate', {
      typeCode: 'onsite_receipt',
      from: { unitId: 1 },
      to: { unitId: 2 },
      count: 1,
    });
    expect(sideways.statusCode).toBe(400);
  });

  it('验旧换新: a unit holding unchecked old stubs is refused new stock, naming the stubs', async () => {
    const finance = await as('finance');
    const stale = await t.database.db
      .select({ number: receipts.number })
      .from(receipts)
      .where(
        and(
          eq(receipts.unitId, STALE_STUB_UNIT),
          eq(receipts.typeCode, 'payment_form'),
          sql`${receipts.issuedOn} < '2025-12-16'`,
        ),
      );
    expect(stale.length).toBeGreaterThan(0);
    const res = await finance.post('/api/receipt-holdings/allocate', {
      typeCode: 'payment_form',
      from: { regionCode: '63' },
      to: { unitId: STALE_STUB_UNIT },
      count: 100,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('unchecked_stubs');
    expect(res.json().message).toContain(String(Math.min(...stale.map((s) => s.number))));
    // Other types are not blocked by payment-form stubs.
    const onsite = await finance.post('/api/receipt-holdings/allocate', {
      typeCode: 'onsite_receipt',
      from: { regionCode: '63' },
      to: { unitId: STALE_STUB_UNIT },
      count: 10,
    });
    expect(onsite.statusCode).toBe(201);
  });
});

describe('issue, void and write-off by the unit', () => {
  it('issues the next number, voids with a reason (kept), and refuses a second void', async () => {
    const unit = await as('unit');
    const [d] = await t.database.db
      .select()
      .from(decisions)
      .where(and(eq(decisions.unitId, 1), eq(decisions.paymentStatus, 'paid')))
      .limit(1);
    const first = await unit.post('/api/receipts', { typeCode: 'onsite_receipt', decisionId: d.id });
    expect(first.statusCode).toBe(201);
    const second = await unit.post('/api/receipts', { typeCode: 'onsite_receipt', decisionId: d.id });
    expect(second.json().number).toBe(first.json().number + 1);
    expect(second.json().amountFen).toBe(d.fineFen);

    const noReason = await unit.post(`/api/receipts/${second.json().id}/void`, {});
    expect(noReason.statusCode).toBe(400);
    const voided = await unit.post(`/api/receipts/${second.json().id}/void`, { reason: '金额填写错误' });
    expect(voided.statusCode).toBe(200);
    expect(voided.json()).toMatchObject({ status: 'void', voidReason: '金额填写错误' });
    expect((await unit.post(`/api/receipts/${second.json().id}/void`, { reason: 'again' })).statusCode).toBe(
      409,
    );
    const kept = (await unit.get(listUrl('receipts', { filter: { id: [second.json().id] } }))).json();
    expect(kept).toHaveLength(1);
    // The same number again is a 409.
    const reused = await unit.post('/api/receipts', {
      typeCode: 'onsite_receipt',
      decisionId: d.id,
      number: first.json().number,
    });
    expect(reused.statusCode).toBe(409);
    // Another unit neither sees nor voids it.
    const market = await as('unit_market');
    expect((await market.get(`/api/receipts/${first.json().id}`)).statusCode).toBe(404);
    expect((await market.post(`/api/receipts/${first.json().id}/void`, { reason: 'x' })).statusCode).toBe(
      404,
    );
    // A decision of another unit is not the unit's to receipt.
    expect(
      (await market.post('/api/receipts', { typeCode: 'onsite_receipt', decisionId: d.id })).statusCode,
    ).toBe(404);

    const writeOff = await unit.post('/api/receipt-write-offs', {
      typeCode: 'onsite_receipt',
      startNo: first.json().number,
      endNo: second.json().number + 1,
    });
    expect(writeOff.statusCode).toBe(422);
    expect(writeOff.json().code).toBe('range_not_used');
    const ok = await unit.post('/api/receipt-write-offs', {
      typeCode: 'onsite_receipt',
      startNo: first.json().number,
      endNo: second.json().number,
    });
    expect(ok.statusCode).toBe(201);
    const finance = await as('finance');
    const approved = await finance.post(`/api/receipt-write-offs/${ok.json().id}/approve`, {});
    expect(approved.json().status).toBe('approved');
    const history = (
      await (
        await as('auditor')
      ).get(`/api/receipts/history?typeCode=onsite_receipt&number=${second.json().number}`)
    ).json();
    expect(history.batch.typeCode).toBe('onsite_receipt');
    expect(history.movements.map((m: { kind: string }) => m.kind)).toEqual([
      'purchase',
      'allocate',
      'allocate',
      'allocate',
    ]);
    expect(history.movements.map((m: { toName: string }) => m.toName)).toEqual([
      '青海省 财政',
      '西宁市 财政',
      '城东区 财政',
      '西宁市公安局交通警察支队城东大队',
    ]);
    expect(history.receipt).toMatchObject({ status: 'void', writeOffId: ok.json().id });
    expect(history.writeOff.status).toBe('approved');
  });

  it('the stale-stub unit gets new stock once its stubs are written off', async () => {
    const finance = await as('finance');
    await t.database.db
      .update(receipts)
      .set({ writtenOffAt: new Date() })
      .where(and(eq(receipts.unitId, STALE_STUB_UNIT), eq(receipts.typeCode, 'payment_form')));
    const res = await finance.post('/api/receipt-holdings/allocate', {
      typeCode: 'payment_form',
      from: { regionCode: '63' },
      to: { unitId: STALE_STUB_UNIT },
      count: 100,
    });
    expect(res.statusCode).toBe(201);
  });
});

describe('stock requests 申请领用', () => {
  it('a unit asks, finance fulfils with an allocation in the same step; declining needs a reason', async () => {
    const unit = await as('unit_market');
    const before = await balanceOf('unit_market', 'onsite_receipt', (r) => r.unitId === 7);
    const req = await unit.post('/api/receipt-requests', {
      typeCode: 'onsite_receipt',
      count: 40,
      note: '月底执法专项',
    });
    expect(req.statusCode).toBe(201);
    const finance = await as('finance');
    const done = await finance.post(`/api/receipt-requests/${req.json().id}/approve`, {});
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'fulfilled', allocation: { count: 40, hops: 3 } });
    const after = await balanceOf('unit_market', 'onsite_receipt', (r) => r.unitId === 7);
    expect(after!.balance - before!.balance).toBe(40);
    expect((await finance.post(`/api/receipt-requests/${req.json().id}/approve`, {})).statusCode).toBe(409);

    const second = await unit.post('/api/receipt-requests', { typeCode: 'payment_form', count: 10 });
    expect((await finance.post(`/api/receipt-requests/${second.json().id}/reject`, {})).statusCode).toBe(400);
    const declined = await finance.post(`/api/receipt-requests/${second.json().id}/reject`, {
      reason: '库存充足',
    });
    expect(declined.json()).toMatchObject({ status: 'rejected', decisionReason: '库存充足' });
    // Units see only their own requests; a unit cannot approve.
    expect((await (await as('unit')).get(listUrl('receipt-requests'))).json()).toEqual([]);
    expect((await unit.post(`/api/receipt-requests/${second.json().id}/approve`, {})).statusCode).toBe(403);
  });
});

describe('electronic receipts 财政电子票据', () => {
  const decision = async (unitId: number, n: number) => {
    const rows = await t.database.db
      .select()
      .from(decisions)
      .where(and(eq(decisions.unitId, unitId), eq(decisions.paymentStatus, 'unpaid')))
      .orderBy(decisions.id)
      .limit(n);
    expect(rows.length).toBe(n);
    return rows;
  };
  const pay = (number: string, fen: number, txn: string) =>
    signedInject(
      t.app,
      icbc,
      'POST',
      '/api/bank/v1/collections',
      {
        decisionNumber: number,
        amountFen: fen,
        channel: 'mobile_banking',
        bankTxnId: txn,
        collectedAt: '2026-03-15T10:00:00+08:00',
      },
      `idem-${txn}`,
    );

  it('a confirmed collection issues the next e-receipt, written off at once; the payer’s link shows it', async () => {
    const [d] = await decision(1, 1);
    const [segment] = await t.database.db
      .select()
      .from(eReceiptSegments)
      .where(and(eq(eReceiptSegments.unitId, 1), eq(eReceiptSegments.code, '63010126')));
    const lookup = await signedInject(
      t.app,
      icbc,
      'GET',
      `/api/bank/v1/decisions/${encodeURIComponent(d.decisionNumber)}`,
    );
    const due = lookup.json().amountDueFen as number;
    const res = await pay(d.decisionNumber, due, 'ER-TXN-1');
    expect(res.statusCode).toBe(201);
    expect(res.json().receipt).toMatchObject({ status: 'issued', code: '63010126', number: segment.nextNo });
    const page = await t.app.inject({ method: 'GET', url: `/r/${res.json().receipt.token}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain(String(segment.nextNo).padStart(10, '0'));
    expect(page.body).toContain('63010126');
    expect(page.body).not.toContain(d.partyName);
    const [stored] = await t.database.db
      .select()
      .from(receipts)
      .where(eq(receipts.id, res.json().receipt.receiptId));
    expect(stored.writtenOffAt).not.toBeNull();
    expect(stored.checkCode).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);

    // A duplicate collection is accepted and gets its own receipt too.
    const dup = await pay(d.decisionNumber, due, 'ER-TXN-2');
    expect(dup.json().flags).toContain('duplicate');
    expect(dup.json().receipt.number).toBe(segment.nextNo + 1);

    const unknown = await t.app.inject({ method: 'GET', url: `/r/${'A'.repeat(32)}` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('票据不存在');
    expect((await t.app.inject({ method: 'GET', url: '/r/short' })).statusCode).toBe(404);
  });

  it('the payer’s page shows the fine and the late fee 加处罚款 apart, and their total', async () => {
    // The oldest unpaid decisions of the unit are the ones past their deadline.
    const candidates = await t.database.db
      .select()
      .from(decisions)
      .where(and(eq(decisions.unitId, 1), eq(decisions.paymentStatus, 'unpaid')))
      .orderBy(decisions.servedOn)
      .limit(10);
    let picked: { d: (typeof candidates)[number]; due: number; fee: number } | null = null;
    for (const d of candidates) {
      const lookup = await signedInject(
        t.app,
        icbc,
        'GET',
        `/api/bank/v1/decisions/${encodeURIComponent(d.decisionNumber)}`,
      );
      const { amountDueFen, lateFeeFen } = lookup.json() as { amountDueFen: number; lateFeeFen: number };
      if (lateFeeFen > 0) {
        picked = { d, due: amountDueFen, fee: lateFeeFen };
        break;
      }
    }
    if (!picked) throw new Error('the demo has no late unpaid decision for unit 1');
    const res = await pay(picked.d.decisionNumber, picked.due, 'ER-TXN-LATE');
    expect(res.statusCode).toBe(201);
    const page = await t.app.inject({ method: 'GET', url: `/r/${res.json().receipt.token}` });
    const cell = (label: string) =>
      page.body.match(new RegExp(`<th>${label}[^<]*</th><td>([^<]*)</td>`))?.[1];
    expect(cell('罚款')).toBe(formatFen(picked.d.fineFen));
    expect(cell('加处罚款')).toBe(formatFen(picked.fee));
    expect(cell('合计金额')).toBe(formatFen(picked.due));
  });

  it('no segment never rejects the collection: the receipt is queued and issued when finance adds a segment', async () => {
    await t.database.db
      .update(eReceiptSegments)
      .set({ nextNo: sql`${eReceiptSegments.endNo} + 1` })
      .where(eq(eReceiptSegments.unitId, 3));
    const [d] = await decision(3, 1);
    const res = await pay(d.decisionNumber, d.fineFen, 'ER-TXN-Q1');
    expect(res.statusCode).toBe(201);
    expect(res.json().receipt).toEqual({ status: 'queued', reason: 'segment_exhausted' });
    const findings = (await (await as('finance')).get('/api/receipt-findings')).json();
    expect(findings).toContainEqual(expect.objectContaining({ type: 'e_receipt_queued', unitId: 3 }));
    const seg = await (await as('finance')).post('/api/e-receipt-segments', {
      unitId: 3,
      category: '01',
      type: '02',
      year: 2026,
      startNo: 1,
      endNo: 500,
    });
    expect(seg.statusCode).toBe(201);
    expect(seg.json()).toMatchObject({ code: '63010226', drained: expect.any(Number) });
    expect(seg.json().drained).toBeGreaterThanOrEqual(1);
    const [issued] = await t.database.db
      .select()
      .from(receipts)
      .where(and(eq(receipts.collectionId, res.json().collectionId), eq(receipts.typeCode, 'e_receipt')));
    expect(issued.code).toBe('63010226');
    const overlap = await (await as('finance')).post('/api/e-receipt-segments', {
      unitId: 4,
      category: '01',
      type: '02',
      year: 2026,
      startNo: 400,
      endNo: 600,
    });
    expect(overlap.statusCode).toBe(409);
  });

  it('50 concurrent confirmations: no number issued twice and none skipped', async () => {
    const [model] = await decision(1, 1);
    const { id: _, ...copy } = model;
    const ds = await t.database.db
      .insert(decisions)
      .values(
        Array.from({ length: 50 }, (_, i) => ({ ...copy, decisionNumber: `${model.decisionNumber}-R${i}` })),
      )
      .returning();
    const [segment] = await t.database.db
      .select()
      .from(eReceiptSegments)
      .where(and(eq(eReceiptSegments.unitId, 1), eq(eReceiptSegments.code, '63010126')));
    const results = await Promise.all(ds.map((d, i) => pay(d.decisionNumber, d.fineFen, `ER-RACE-${i}`)));
    expect(results.map((r) => r.statusCode)).toEqual(Array(50).fill(201));
    const numbers = results.map((r) => r.json().receipt.number as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => segment.nextNo + i));
  });
});

describe('findings and scope', () => {
  it('finance sees low stock, void rate and unchecked stubs; a bank may not list receipts', async () => {
    const findings = (await (await as('finance')).get('/api/receipt-findings')).json() as {
      type: string;
      unitId: number;
    }[];
    expect((await (await as('unit')).get('/api/receipt-findings')).json()).toEqual(
      findings.filter((f) => f.unitId === 1),
    );
    // The demo's 民和大队 segment ran out three collections early.
    expect(findings).toContainEqual(
      expect.objectContaining({ type: 'e_receipt_queued', unitId: 5, typeCode: 'e_receipt', count: 3 }),
    );
    expect(findings).toContainEqual(
      expect.objectContaining({ type: 'low_stock', unitId: 5, typeCode: 'e_receipt', count: 0 }),
    );
    expect(findings.some((f) => f.type === 'low_stock' && f.unitId === 1)).toBe(false);
    expect((await (await as('bank_icbc')).get(listUrl('receipts'))).statusCode).toBe(403);
    const mine = (await (await as('unit')).get(listUrl('receipts', { range: [0, 999] }))).json() as {
      unitId: number;
      payerName: string | null;
    }[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.unitId === 1)).toBe(true);
    expect(mine.every((r) => r.payerName === null || r.payerName.includes('*'))).toBe(true);
  });
});
