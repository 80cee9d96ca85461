import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, buildTestApp, listUrl, type TestApp } from '../test/helper';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t.close());

const total = async (agent: Agent, resource: string, filter: object) => {
  const res = await agent.get(listUrl(resource, { filter, range: [0, 0] }));
  expect(res.statusCode).toBe(200);
  return Number(String(res.headers['content-range']).split('/')[1]);
};

const counts = async (agent: Agent) => {
  const res = await agent.get('/api/summary/menu-counts');
  expect(res.statusCode).toBe(200);
  return res.json() as Record<string, number>;
};

describe('GET /api/summary/menu-counts', () => {
  it('needs a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/summary/menu-counts' })).statusCode).toBe(401);
  });

  it('finance: the entries it has a next step in, each matching its list', async () => {
    const finance = await t.login('finance');
    const c = await counts(finance);
    expect(Object.keys(c).sort()).toEqual(
      [
        'agreements',
        'discrepancies',
        'entry-feedback',
        'receipt-requests',
        'receipt-write-offs',
        'refunds',
      ].sort(),
    );
    expect(c.refunds).toBe(await total(finance, 'refunds', { pendingFor: 'me' }));
    expect(c.agreements).toBe(await total(finance, 'agreements', { overdueFiling: true }));
    expect(c['receipt-write-offs']).toBe(await total(finance, 'receipt-write-offs', { status: 'requested' }));
    expect(c['entry-feedback']).toBe(
      await total(finance, 'entry-feedback', { acknowledged: false, problem: true }),
    );
  });

  it('police: refunds to review, open flags, and corrections proposed by a colleague only', async () => {
    const police = await t.login('police');
    const police2 = await t.login('police2');
    const before = await counts(police);
    expect(Object.keys(before).sort()).toEqual(['paid-status-flags', 'refunds', 'status-corrections']);
    expect(before['paid-status-flags']).toBe(await total(police, 'paid-status-flags', { state: 'open' }));
    expect(before['paid-status-flags']).toBeGreaterThan(0);
    expect(before.refunds).toBe(await total(police, 'refunds', { pendingFor: 'me' }));

    const colleagueBefore = (await counts(police2))['status-corrections'];
    const [paid] = (
      await police.get(listUrl('decisions', { filter: { paymentStatus: 'paid' }, range: [0, 0] }))
    ).json();
    const proposed = await police.post('/api/status-corrections', {
      decisionId: paid.id,
      toStatus: 'unpaid',
      reason: '银行撤销该笔交易',
    });
    expect(proposed.statusCode).toBe(201);
    expect((await counts(police))['status-corrections']).toBe(before['status-corrections']);
    expect((await counts(police2))['status-corrections']).toBe(colleagueBefore + 1);
  });

  it('a bank counts only its own overdue remittances and open discrepancies', async () => {
    const icbc = await t.login('bank_icbc');
    const c = await counts(icbc);
    expect(Object.keys(c).sort()).toEqual(['discrepancies', 'remittances']);
    expect(c.remittances).toBe(await total(icbc, 'remittances', { status: 'overdue' }));
  });

  it('a unit counts its drafts; admin and auditor have nothing waiting', async () => {
    const unit = await t.login('unit');
    const c = await counts(unit);
    expect(Object.keys(c)).toEqual(['refunds']);
    expect(c.refunds).toBe(await total(unit, 'refunds', { pendingFor: 'me' }));
    expect(await counts(await t.login('admin'))).toEqual({});
    expect(await counts(await t.login('auditor'))).toEqual({});
  });
});

describe('GET /api/summary: bank and unit dashboards show what waits for them', () => {
  const card = async (agent: Agent, key: string) => {
    const { cards } = (await agent.get('/api/summary')).json() as {
      cards: { key: string; value: number; resource: string; filter: object }[];
    };
    return cards.find((c) => c.key === key);
  };

  it('a bank sees its own open discrepancies, linked to the filtered list', async () => {
    const icbc = await t.login('bank_icbc');
    const c = await card(icbc, 'discrepancies_open');
    expect(c).toMatchObject({ resource: 'discrepancies', filter: { state: 'open' } });
    expect(c?.value).toBe(await total(icbc, 'discrepancies', { state: 'open' }));
  });

  it('a unit sees its refunds in progress and unanswered stock requests', async () => {
    const unit = await t.login('unit');
    const refunds = await card(unit, 'refunds_in_progress');
    expect(refunds?.resource).toBe('refunds');
    expect(refunds?.value).toBe(await total(unit, 'refunds', refunds?.filter ?? {}));
    const requests = await card(unit, 'receipt_requests_open');
    expect(requests).toMatchObject({ resource: 'receipt-requests', filter: { status: 'requested' } });
    expect(requests?.value).toBe(await total(unit, 'receipt-requests', { status: 'requested' }));
    expect(await card(await t.login('finance'), 'refunds_in_progress')).toBeUndefined();
  });
});

describe('GET /api/summary: the business date and the last working day before it', () => {
  it('on Monday 2026-03-16 the last working day is Friday 03-13 (the treasury’s 昨日)', async () => {
    const treasury = await t.login('treasury');
    expect((await treasury.get('/api/summary')).json()).toMatchObject({
      today: '2026-03-16',
      lastWorkingDay: '2026-03-13',
    });
  });
});
