import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, listUrl, type TestApp } from '../test/helper';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const newAgreement = (overrides: Record<string, unknown> = {}) => ({
  bankId: 'ICBC',
  regionCode: '6302',
  agreementNo: `T-${Math.random().toString(36).slice(2, 10)}`,
  accountName: '海东市财政局非税收入汇缴户',
  accountNumber: '6222000011112222333',
  accountBranch: '工商银行海东分行',
  remittanceMethod: 'direct',
  dataExchangeMethod: 'realtime_api',
  cutoffTime: '15:30',
  signedOn: '2026-03-10',
  effectiveFrom: '2026-03-11',
  effectiveTo: '2029-03-10',
  ...overrides,
});

describe('GET /api/agreements', () => {
  it('lists with Content-Range for finance', async () => {
    const finance = await t.login('finance');
    const res = await finance.get(listUrl('agreements', { range: [0, 4], sort: ['id', 'ASC'] }));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-range']).toMatch(/^agreements 0-4\/\d+$/);
    expect(res.json()).toHaveLength(5);
  });

  it('shows a bank user only its own bank, and 404 for another bank', async () => {
    const bank = await t.login('bank_abc');
    const rows = (await bank.get(listUrl('agreements', { range: [0, 99] }))).json();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r: { bankId: string }) => r.bankId === 'ABC')).toBe(true);
    const icbc = (
      await (await t.login('finance')).get(listUrl('agreements', { filter: { bankId: 'ICBC' } }))
    ).json()[0];
    expect((await bank.get(`/api/agreements/${icbc.id}`)).statusCode).toBe(404);
  });

  it('filters by overdue filing (not filed within 15 days of signing)', async () => {
    const finance = await t.login('finance');
    const rows = (await finance.get(listUrl('agreements', { filter: { overdueFiling: true } }))).json();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.filedOn).toBeNull();
      expect(r.overdueFiling).toBe(true);
    }
  });

  it('refuses roles without access: unit 403', async () => {
    const unit = await t.login('unit');
    expect((await unit.get('/api/agreements')).statusCode).toBe(403);
  });
});

describe('agreement lifecycle', () => {
  it('finance creates, activates, suspends, re-activates, files and terminates; history and audit follow', async () => {
    const finance = await t.login('finance');
    const created = await finance.post('/api/agreements', newAgreement());
    expect(created.statusCode).toBe(201);
    const a = created.json();
    expect(a).toMatchObject({
      status: 'draft',
      version: 1,
      filedOn: null,
      filingDueOn: '2026-03-25',
      overdueFiling: false,
    });

    expect((await finance.post(`/api/agreements/${a.id}/activate`, {})).json().status).toBe('active');
    expect((await finance.post(`/api/agreements/${a.id}/suspend`, {})).statusCode).toBe(400);
    expect(
      (await finance.post(`/api/agreements/${a.id}/suspend`, { reason: '缴库不及时' })).json().status,
    ).toBe('suspended');
    expect((await finance.post(`/api/agreements/${a.id}/suspend`, { reason: 'again' })).statusCode).toBe(409);
    expect((await finance.post(`/api/agreements/${a.id}/activate`, {})).json().status).toBe('active');
    const filed = await finance.post(`/api/agreements/${a.id}/file`, {
      filedOn: '2026-03-12',
      reference: '银青备〔2026〕7号',
    });
    expect(filed.json()).toMatchObject({ filedOn: '2026-03-12', filingReference: '银青备〔2026〕7号' });
    expect((await finance.post(`/api/agreements/${a.id}/file`, {})).statusCode).toBe(409);
    const done = await finance.post(`/api/agreements/${a.id}/terminate`, { reason: '到期' });
    expect(done.json().status).toBe('terminated');
    expect((await finance.post(`/api/agreements/${a.id}/activate`, {})).statusCode).toBe(409);
    expect(done.json().history.map((h: { action: string }) => h.action)).toEqual([
      'create',
      'activate',
      'suspend',
      'activate',
      'file',
      'terminate',
    ]);
  });

  it('a PUT of exactly what GET returned succeeds; a stale version gets 409', async () => {
    const finance = await t.login('finance');
    const a = (await finance.post('/api/agreements', newAgreement())).json();
    const got = (await finance.get(`/api/agreements/${a.id}`)).json();
    const same = await finance.put(`/api/agreements/${a.id}`, got);
    expect(same.statusCode).toBe(200);
    expect(same.json().version).toBe(got.version + 1);
    const stale = await finance.put(`/api/agreements/${a.id}`, { ...got, cutoffTime: '16:00' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');
  });

  it('police may read but not edit (403 before any validation)', async () => {
    const police = await t.login('police');
    expect((await police.get('/api/agreements/1')).statusCode).toBe(200);
    expect((await police.post('/api/agreements', { nonsense: true })).statusCode).toBe(403);
    expect((await police.post('/api/agreements/1/activate', {})).statusCode).toBe(403);
  });

  it('treasury writes supervision notes that finance reads', async () => {
    const treasury = await t.login('treasury');
    const note = await treasury.post('/api/supervision-notes', {
      bankId: 'ABC',
      periodStart: '2026-02-01',
      periodEnd: '2026-02-28',
      text: '二月存在两笔跨日缴库',
    });
    expect(note.statusCode).toBe(201);
    const finance = await t.login('finance');
    const rows = (await finance.get(listUrl('supervision-notes', { filter: { bankId: 'ABC' } }))).json();
    expect(rows.map((r: { text: string }) => r.text)).toContain('二月存在两笔跨日缴库');
    expect((await finance.post('/api/supervision-notes', { bankId: 'ABC' })).statusCode).toBe(403);
  });
});

describe('bad input', () => {
  it('400 naming the field for unknown keys, wrong types, over-long strings and bad dates; nothing written', async () => {
    const finance = await t.login('finance');
    const before = (await finance.get(listUrl('agreements'))).headers['content-range'];
    const cases: [Record<string, unknown>, string][] = [
      [newAgreement({ colour: 'red' }), 'colour'],
      [newAgreement({ cutoffTime: 1530 }), 'cutoffTime'],
      [newAgreement({ cutoffTime: '25:00' }), 'cutoffTime'],
      [newAgreement({ accountName: 'x'.repeat(101) }), 'accountName'],
      [newAgreement({ signedOn: '2026-02-30' }), 'signedOn'],
      [newAgreement({ effectiveFrom: '2026-03-01' }), 'effectiveFrom'],
      [newAgreement({ bankId: 'NOPE' }), 'bankId'],
    ];
    for (const [body, field] of cases) {
      const res = await finance.post('/api/agreements', body);
      expect(res.statusCode, field).toBe(400);
      expect(Object.keys(res.json().errors), field).toContain(field);
    }
    expect((await finance.get(listUrl('agreements'))).headers['content-range']).toBe(before);
  });

  it('400 for malformed JSON, unknown sort fields and malformed filters', async () => {
    const finance = await t.login('finance');
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/agreements',
      headers: {
        cookie: finance.cookie,
        'x-csrf-token': finance.csrfToken,
        'content-type': 'application/json',
      },
      payload: '{"bankId":',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('invalid_json');
    expect(
      (await finance.get(listUrl('agreements', { sort: ['accountNumber', 'ASC'] }))).json().errors,
    ).toHaveProperty('sort');
    expect((await finance.get('/api/agreements?filter={oops')).json().errors).toHaveProperty('filter');
    expect(
      (await finance.get(listUrl('agreements', { filter: { colour: 'red' } }))).json().errors,
    ).toHaveProperty('filter.colour');
  });

  it('404 for an unknown id after the role and schema checks', async () => {
    const finance = await t.login('finance');
    expect((await finance.post('/api/agreements/99999/activate', {})).statusCode).toBe(404);
    expect((await finance.post('/api/agreements/99999/activate', { extra: 1 })).statusCode).toBe(400);
  });

  it('413 for bodies over 1 MiB', async () => {
    const finance = await t.login('finance');
    const res = await finance.post('/api/agreements', newAgreement({ note: 'x'.repeat(1_100_000) }));
    expect(res.statusCode).toBe(413);
  });
});
