import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCalendarCache } from '../calendar/repository';
import { raiseSyncLagFlags } from '../collections/service';
import { collections, decisions, paidStatusFlags } from '../db/schema';
import { refreshRemittances } from '../remittances/service';
import { buildTestApp, listUrl, type TestApp } from '../test/helper';
import { sign, stringToSign } from './auth';

let t: TestApp;
let icbc: { id: string; secret: string };
let boc: { id: string; secret: string };
let police: { id: string; secret: string };

beforeAll(async () => {
  t = await buildTestApp();
  const finance = await t.login('finance');
  icbc = (await finance.post('/api/institution-keys', { institution: 'bank', bankId: 'ICBC' })).json();
  boc = (await finance.post('/api/institution-keys', { institution: 'bank', bankId: 'BOC' })).json();
  police = (await finance.post('/api/institution-keys', { institution: 'police' })).json();
});
afterAll(() => t.close());

function signed(
  key: { id: string; secret: string },
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
  opts: { idem?: string; at?: Date; tamper?: boolean } = {},
) {
  const raw = body === undefined ? '' : JSON.stringify(body);
  const timestamp = (opts.at ?? new Date()).toISOString();
  const idem = opts.idem ?? '';
  const signature = sign(
    key.secret,
    stringToSign(method, url, timestamp, idem, opts.tamper ? `${raw} ` : raw),
  );
  return t.app.inject({
    method,
    url,
    payload: raw || undefined,
    headers: {
      authorization: `HMAC-SHA256 keyId=${key.id},signature=${signature}`,
      'x-timestamp': timestamp,
      ...(raw ? { 'content-type': 'application/json' } : {}),
      ...(idem ? { 'idempotency-key': idem } : {}),
    },
  });
}

const decision = (n: number, overrides: Record<string, unknown> = {}) => ({
  decisionNumber: `T63010201〔2026〕${String(n).padStart(5, '0')}号`,
  unitCode: '63010201',
  projectCode: '00200430900',
  fineFen: 20000,
  servedOn: '2026-03-02',
  partyName: '叶小梅',
  idNumber: '11010519491231002X',
  plate: '青A12345',
  ...overrides,
});

const push = (number: string, amountFen: number, txn: string, at = '2026-03-10T10:00:00+08:00') => ({
  decisionNumber: number,
  amountFen,
  channel: 'mobile_banking',
  bankTxnId: txn,
  collectedAt: at,
});

const collectionCount = async () => (await t.database.db.select({ n: count() }).from(collections))[0].n;

describe('machine API authentication', () => {
  it('shows the secret once and never again', async () => {
    expect(icbc.secret).toMatch(/^[\w-]{40,}$/);
    const finance = await t.login('finance');
    const keys = (await finance.get(listUrl('institution-keys'))).json();
    expect(keys.find((k: { id: string }) => k.id === icbc.id)).not.toHaveProperty('secret');
    expect(JSON.stringify(keys)).not.toContain(icbc.secret);
  });

  it('401 for a forged, stale or unsigned request; nothing is written and the failure is audited', async () => {
    const before = await collectionCount();
    const body = push('whatever-1', 100, 'FORGED0001');
    expect(
      (await signed(icbc, 'POST', '/api/bank/v1/collections', body, { idem: 'idem-forged-1', tamper: true }))
        .statusCode,
    ).toBe(401);
    expect(
      (
        await signed({ ...icbc, secret: 'guess' }, 'POST', '/api/bank/v1/collections', body, {
          idem: 'idem-forged-2',
        })
      ).statusCode,
    ).toBe(401);
    const stale = new Date(Date.now() - 6 * 60_000);
    expect(
      (await signed(icbc, 'POST', '/api/bank/v1/collections', body, { idem: 'idem-stale-1', at: stale }))
        .statusCode,
    ).toBe(401);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/bank/v1/collections', payload: body })).statusCode,
    ).toBe(401);
    // A forged request with a malformed body is still a 401, not a 400: authentication comes first.
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/bank/v1/collections',
      payload: '{oops',
      headers: {
        'content-type': 'application/json',
        authorization: `HMAC-SHA256 keyId=${icbc.id},signature=${'0'.repeat(64)}`,
        'x-timestamp': new Date().toISOString(),
        'idempotency-key': 'idem-malformed',
      },
    });
    expect(malformed.statusCode).toBe(401);
    expect(await collectionCount()).toBe(before);
    const auditor = await t.login('auditor');
    const failures = (
      await auditor.get(listUrl('audit-events', { filter: { action: 'machine_auth_failed' } }))
    ).json();
    expect(failures.length).toBeGreaterThanOrEqual(4);
  });

  it('403 when a key of another institution kind calls the API', async () => {
    expect((await signed(police, 'GET', '/api/bank/v1/decisions/anything')).statusCode).toBe(403);
    expect(
      (
        await signed(
          icbc,
          'POST',
          '/api/police/v1/decisions',
          { decisions: [decision(1)] },
          { idem: 'idem-wrong-kind' },
        )
      ).statusCode,
    ).toBe(403);
  });

  it('a revoked key stops working at once', async () => {
    const finance = await t.login('finance');
    const temp = (await finance.post('/api/institution-keys', { institution: 'bank', bankId: 'ABC' })).json();
    expect((await signed(temp, 'GET', '/api/bank/v1/decisions/nothing-here')).statusCode).toBe(404);
    expect((await finance.post(`/api/institution-keys/${temp.id}/revoke`)).statusCode).toBe(200);
    expect((await signed(temp, 'GET', '/api/bank/v1/decisions/nothing-here')).statusCode).toBe(401);
  });
});

describe('collections', () => {
  it('police loads a decision; the bank looks it up masked and pays it; police sees the paid event', async () => {
    const load = await signed(
      police,
      'POST',
      '/api/police/v1/decisions',
      { decisions: [decision(1), decision(2, { idNumber: 'bad' })] },
      { idem: 'idem-load-1' },
    );
    expect(load.statusCode).toBe(200);
    expect(load.json().results).toEqual([
      expect.objectContaining({ status: 'created' }),
      expect.objectContaining({
        status: 'error',
        errors: { idNumber: { code: 'id_number', message: expect.any(String) } },
      }),
    ]);
    const number = decision(1).decisionNumber;
    const lookup = await signed(icbc, 'GET', `/api/bank/v1/decisions/${encodeURIComponent(number)}`);
    expect(lookup.json()).toMatchObject({
      partyName: '叶*梅',
      plate: '青A***45',
      fineFen: 20000,
      payable: true,
    });

    const pay = await signed(icbc, 'POST', '/api/bank/v1/collections', push(number, 20000, 'ICBCTXN0001'), {
      idem: 'idem-pay-1',
    });
    expect(pay.statusCode).toBe(201);
    expect(pay.json()).toMatchObject({ status: 'matched', decisionStatus: 'paid', flags: [] });

    const officer = await t.login('police');
    const [row] = (await officer.get(listUrl('decisions', { filter: { q: number } }))).json();
    expect(row).toMatchObject({ paymentStatus: 'paid', partyName: '叶*梅', idNumber: '110105********002X' });
    const shown = (await officer.get(`/api/decisions/${row.id}`)).json();
    expect(
      shown.events.map((e: { toStatus: string; source: string }) => `${e.source}:${e.toStatus}`),
    ).toEqual(['import:unpaid', 'bank:paid']);
    expect(shown.events[1].keyId).toBe(icbc.id);
    // Coded for the SPA, with the bank named instead of only its key id or code.
    expect(shown.events[1]).toMatchObject({
      reason: null,
      detail: { code: 'bank_collection', params: { bankTxnId: 'ICBCTXN0001' } },
      keyBankName: expect.stringMatching(/工商银行/),
    });
    expect(shown.collections[0].bankName).toMatch(/工商银行/);
  });

  it('a replay returns the first response and writes nothing; the same key with another body is a 422', async () => {
    await signed(
      police,
      'POST',
      '/api/police/v1/decisions',
      { decisions: [decision(3)] },
      { idem: 'idem-load-3' },
    );
    const body = push(decision(3).decisionNumber, 20000, 'ICBCTXN0003');
    const first = await signed(icbc, 'POST', '/api/bank/v1/collections', body, { idem: 'idem-pay-3' });
    const before = await collectionCount();
    const again = await signed(icbc, 'POST', '/api/bank/v1/collections', body, { idem: 'idem-pay-3' });
    expect(again.statusCode).toBe(first.statusCode);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replay']).toBe('true');
    expect(await collectionCount()).toBe(before);
    const other = await signed(
      icbc,
      'POST',
      '/api/bank/v1/collections',
      { ...body, amountFen: 1 },
      { idem: 'idem-pay-3' },
    );
    expect(other.statusCode).toBe(422);
    expect((await signed(icbc, 'POST', '/api/bank/v1/collections', body)).statusCode).toBe(400);
  });

  it('records a wrong amount and a second payment with flags; the decision is not paid by an underpayment', async () => {
    await signed(
      police,
      'POST',
      '/api/police/v1/decisions',
      { decisions: [decision(4), decision(5)] },
      { idem: 'idem-load-45' },
    );
    const under = await signed(
      icbc,
      'POST',
      '/api/bank/v1/collections',
      push(decision(4).decisionNumber, 15000, 'ICBCTXN0004'),
      { idem: 'idem-pay-4' },
    );
    expect(under.json()).toMatchObject({
      decisionStatus: 'unpaid',
      expectedFen: 20000,
      flags: ['amount_mismatch'],
    });
    await signed(
      icbc,
      'POST',
      '/api/bank/v1/collections',
      push(decision(5).decisionNumber, 20000, 'ICBCTXN0005'),
      { idem: 'idem-pay-5' },
    );
    const second = await signed(
      boc,
      'POST',
      '/api/bank/v1/collections',
      push(decision(5).decisionNumber, 20000, 'BOCTXN0005'),
      { idem: 'idem-pay-5b' },
    );
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({ decisionStatus: 'paid', flags: ['duplicate'] });
  });

  it('charges the late fee at the collection date, not at arrival', async () => {
    await signed(
      police,
      'POST',
      '/api/police/v1/decisions',
      { decisions: [decision(6, { servedOn: '2026-01-05' })] },
      { idem: 'idem-load-6' },
    );
    // served 2026-01-05 → 15th day 01-20 (Tue) → paid 01-22: 2 late days → 6% of 200.00 = 12.00
    const pay = await signed(
      icbc,
      'POST',
      '/api/bank/v1/collections',
      push(decision(6).decisionNumber, 21200, 'ICBCTXN0006', '2026-01-22T09:00:00+08:00'),
      { idem: 'idem-pay-6' },
    );
    expect(pay.json()).toMatchObject({ expectedFen: 21200, decisionStatus: 'paid', flags: [] });
  });

  it('keeps an orphan collection, flags sync lag, and matches it when the decision arrives', async () => {
    const number = decision(7).decisionNumber;
    const orphan = await signed(
      icbc,
      'POST',
      '/api/bank/v1/collections',
      push(number, 20000, 'ICBCTXN0007'),
      { idem: 'idem-pay-7' },
    );
    expect(orphan.json()).toMatchObject({ status: 'orphan', flags: ['sync_lag'] });
    const load = await signed(
      police,
      'POST',
      '/api/police/v1/decisions',
      { decisions: [decision(7)] },
      { idem: 'idem-load-7' },
    );
    expect(load.json().results[0]).toMatchObject({ status: 'created', matchedCollections: 1 });
    const [d] = await t.database.db
      .select()
      .from(decisions)
      .where((await import('drizzle-orm')).eq(decisions.decisionNumber, number));
    expect(d.paymentStatus).toBe('paid');
    const officer = await t.login('police');
    const flags = (await officer.get(listUrl('paid-status-flags', { filter: { decisionId: d.id } }))).json();
    expect(flags).toEqual([expect.objectContaining({ type: 'sync_lag', state: 'reviewed' })]);
  });
});

describe('PII', () => {
  it('reveal needs a reason, is audited, and is refused to finance', async () => {
    const officer = await t.login('police');
    const [row] = (
      await officer.get(listUrl('decisions', { filter: { q: decision(1).decisionNumber } }))
    ).json();
    expect((await officer.post(`/api/decisions/${row.id}/reveal`, {})).statusCode).toBe(400);
    const revealed = await officer.post(`/api/decisions/${row.id}/reveal`, {
      reason: '当事人申请复核，需核对身份',
    });
    expect(revealed.json()).toMatchObject({ partyName: '叶小梅', idNumber: '11010519491231002X' });
    const finance = await t.login('finance');
    expect((await finance.post(`/api/decisions/${row.id}/reveal`, { reason: 'x' })).statusCode).toBe(403);
    const auditor = await t.login('auditor');
    const [event] = (await auditor.get(listUrl('audit-events', { filter: { action: 'reveal' } }))).json();
    expect(event).toMatchObject({ actorUsername: 'police', recordId: String(row.id) });
    expect(JSON.stringify(event)).not.toContain('11010519491231002X');
  });

  it('masks every decision in lists for every role that reads them', async () => {
    for (const user of ['police', 'finance', 'auditor', 'unit']) {
      const agent = await t.login(user);
      const rows = (await agent.get(listUrl('decisions', { range: [0, 49] }))).json();
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) {
        expect(r.idNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
        expect(r.partyName).toContain('*');
      }
    }
  });

  it('the police inbox counts open flags by type and reviews them in bulk with a note', async () => {
    const officer = await t.login('police');
    const counts = (await officer.get('/api/paid-status-flags/counts')).json();
    expect(counts.amount_mismatch).toBeGreaterThan(0);
    const open = (
      await officer.get(listUrl('paid-status-flags', { filter: { state: 'open', type: 'amount_mismatch' } }))
    ).json();
    const ids = open.slice(0, 2).map((f: { id: number }) => f.id);
    const res = await officer.post('/api/paid-status-flags/bulk/review', {
      ids: [...ids, 999999],
      note: '已核实，银行少收，已通知补缴',
    });
    expect(res.json().results).toEqual([
      ...ids.map((id: number) => ({ id, status: 200 })),
      { id: 999999, status: 404, code: 'not_found' },
    ]);
    const finance = await t.login('finance');
    expect((await finance.post('/api/paid-status-flags/bulk/review', { ids, note: 'x' })).statusCode).toBe(
      403,
    );
  });
});

describe('manual status corrections (four eyes)', () => {
  it('one police user proposes, the same user cannot confirm, a second one does; a reversal is flagged', async () => {
    const number = decision(1).decisionNumber;
    const p1 = await t.login('police');
    const [row] = (await p1.get(listUrl('decisions', { filter: { q: number } }))).json();
    expect(row.paymentStatus).toBe('paid');
    const proposed = await p1.post('/api/status-corrections', {
      decisionId: row.id,
      toStatus: 'unpaid',
      reason: '银行撤销该笔交易',
    });
    expect(proposed.statusCode).toBe(201);
    const id = proposed.json().id;
    expect(
      (await p1.post('/api/status-corrections', { decisionId: row.id, toStatus: 'unpaid', reason: 'again' }))
        .statusCode,
    ).toBe(409);
    expect((await p1.post(`/api/status-corrections/${id}/confirm`, {})).statusCode).toBe(403);
    const p2 = await t.login('police2');
    const confirmed = await p2.post(`/api/status-corrections/${id}/confirm`, { reason: '已与银行核对' });
    expect(confirmed.json()).toMatchObject({ state: 'confirmed' });
    const shown = (await p2.get(`/api/decisions/${row.id}`)).json();
    expect(shown.paymentStatus).toBe('unpaid');
    expect(shown.events.at(-1)).toMatchObject({
      source: 'manual',
      fromStatus: 'paid',
      toStatus: 'unpaid',
      actorName: '交警总队 刘洋',
    });
    expect(shown.flags.map((f: { type: string }) => f.type)).toContain('reversal');
    expect((await p2.post(`/api/status-corrections/${id}/confirm`, {})).statusCode).toBe(409);
  });
});

describe('statements', () => {
  it('stores statement lines for the own account, skips repeats, and refuses a foreign account', async () => {
    const finance = await t.login('finance');
    const icbcAccount = (await finance.get(listUrl('agreements', { filter: { bankId: 'ICBC' } }))).json()[0]
      .accountNumber;
    const body = {
      account: icbcAccount,
      valueDate: '2026-03-13',
      lines: [
        { bankTxnId: 'ICBCTXN0001', amountFen: 20000, kind: 'collection' },
        { bankTxnId: 'ICBCOFF001', amountFen: -5000, kind: 'offset' },
      ],
    };
    const first = await signed(icbc, 'POST', '/api/bank/v1/statements', body, { idem: 'idem-stmt-1' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({ stored: 2, duplicates: 0 });
    const again = await signed(icbc, 'POST', '/api/bank/v1/statements', body, { idem: 'idem-stmt-2' });
    expect(again.json()).toEqual({ stored: 0, duplicates: 2 });
    const foreign = await signed(boc, 'POST', '/api/bank/v1/statements', body, { idem: 'idem-stmt-3' });
    expect(foreign.statusCode).toBe(403);
  });
});

describe('decision import from the SPA (CSV)', () => {
  const header = 'decisionNumber,unitCode,projectCode,fine,servedOn,partyName,idNumber,plate,suspensions';
  const line = (n: number, cells: Partial<Record<string, string>> = {}) => {
    const d = decision(n);
    const c = {
      decisionNumber: d.decisionNumber,
      unitCode: d.unitCode,
      projectCode: d.projectCode,
      fine: '200.00',
      servedOn: d.servedOn,
      partyName: d.partyName,
      idNumber: d.idNumber,
      plate: d.plate,
      suspensions: '',
      ...cells,
    };
    return [
      c.decisionNumber,
      c.unitCode,
      c.projectCode,
      `"${c.fine}"`,
      c.servedOn,
      c.partyName,
      c.idNumber,
      c.plate,
      c.suspensions,
    ].join(',');
  };

  it('previews, then imports all rows with their suspensions, audited, and matches an earlier orphan', async () => {
    await signed(
      icbc,
      'POST',
      '/api/bank/v1/collections',
      push(decision(31).decisionNumber, 20000, 'ICBC31'),
      {
        idem: 'idem-pay-31',
      },
    );
    const officer = await t.login('police');
    const content = [
      header,
      line(30, { fine: '1,234.50', suspensions: '2026-03-05..2026-03-10' }),
      line(31),
    ].join('\n');
    const before = await t.database.db.select({ n: count() }).from(decisions);
    const preview = await officer.post('/api/decisions/import', { format: 'csv', content, dryRun: true });
    expect(preview.json()).toEqual({ dryRun: true, rows: 2, totalFineFen: 143450, matched: 0 });
    expect((await t.database.db.select({ n: count() }).from(decisions))[0].n).toBe(before[0].n);
    const done = await officer.post('/api/decisions/import', { format: 'csv', content, dryRun: false });
    expect(done.json()).toEqual({ dryRun: false, rows: 2, totalFineFen: 143450, matched: 1 });
    const list = (await officer.get(listUrl('decisions', { filter: { q: '〔2026〕0003' } }))).json();
    const d30 = list.find(
      (d: { decisionNumber: string }) => d.decisionNumber === decision(30).decisionNumber,
    );
    expect(d30).toMatchObject({
      fineFen: 123450,
      suspensions: [{ from: '2026-03-05', to: '2026-03-10' }],
      partyName: '叶*梅',
      paymentStatus: 'unpaid',
    });
    const d31 = list.find(
      (d: { decisionNumber: string }) => d.decisionNumber === decision(31).decisionNumber,
    );
    expect(d31.paymentStatus).toBe('paid');
    const audit = (
      await (await t.login('auditor')).get(listUrl('audit-events', { filter: { resource: 'decisions' } }))
    ).json();
    expect(audit).toContainEqual(
      expect.objectContaining({ action: 'create', recordId: String(d30.id), actorUsername: 'police' }),
    );
  });

  it('refuses the whole file naming each bad row; nothing is written', async () => {
    const officer = await t.login('police');
    const before = (await t.database.db.select({ n: count() }).from(decisions))[0].n;
    const content = [
      header,
      line(40),
      line(41, { fine: '12.345' }),
      line(42, { idNumber: '110105194912310021' }),
      line(40),
      line(30),
      line(43, { unitCode: '99999999' }),
    ].join('\n');
    const res = await officer.post('/api/decisions/import', { format: 'csv', content, dryRun: false });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('import_rejected');
    expect(res.json().rowErrors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [2, 'fine'],
      [3, 'idNumber'],
      [4, 'decisionNumber'],
      [5, 'decisionNumber'],
      [6, 'unitCode'],
    ]);
    expect((await t.database.db.select({ n: count() }).from(decisions))[0].n).toBe(before);
  });

  it('a unit imports only its own decisions; finance may not import', async () => {
    const unit = await t.login('unit');
    const other = await unit.post('/api/decisions/import', {
      format: 'csv',
      content: [header, line(50, { unitCode: '63010301' })].join('\n'),
      dryRun: true,
    });
    expect(other.statusCode).toBe(422);
    expect(other.json().rowErrors).toEqual([expect.objectContaining({ row: 1, field: 'unitCode' })]);
    const own = await unit.post('/api/decisions/import', {
      format: 'csv',
      content: [header, line(50)].join('\n'),
      dryRun: true,
    });
    expect(own.json()).toMatchObject({ rows: 1 });
    const finance = await t.login('finance');
    expect(
      (await finance.post('/api/decisions/import', { format: 'csv', content: 'x', dryRun: true })).statusCode,
    ).toBe(403);
  });
});

describe('sync-lag sweep', () => {
  it('flags a collection whose decision is still unpaid after the lag, once', async () => {
    await signed(
      police,
      'POST',
      '/api/police/v1/decisions',
      { decisions: [decision(60)] },
      { idem: 'idem-load-60' },
    );
    const pay = await signed(
      icbc,
      'POST',
      '/api/bank/v1/collections',
      push(decision(60).decisionNumber, 5000, 'ICBC60'),
      { idem: 'idem-pay-60' },
    );
    const { collectionId } = pay.json();
    const at = (hours: number) => {
      const now = new Date(t.ctx.clock.now().getTime() + hours * 3_600_000);
      return { now: () => now, today: () => '2026-03-16' };
    };
    const lagFlags = async () =>
      (await t.database.db.select().from(paidStatusFlags)).filter(
        (f) => f.collectionId === collectionId && f.type === 'sync_lag',
      );
    await raiseSyncLagFlags(t.database.db, at(1), 2);
    expect(await lagFlags()).toEqual([]);
    expect(await raiseSyncLagFlags(t.database.db, at(3), 2)).toBeGreaterThanOrEqual(1);
    expect(await lagFlags()).toEqual([expect.objectContaining({ state: 'open', regionCode: '630102' })]);
    await raiseSyncLagFlags(t.database.db, at(5), 2);
    expect(await lagFlags()).toHaveLength(1);
  });

  it('the police dashboard charts sync-lag flags raised and resolved per day', async () => {
    const officer = await t.login('police');
    const before = (await officer.get('/api/summary')).json().trends.syncLag;
    expect(before).toHaveLength(14);
    expect(before[13].date).toBe(t.ctx.clock.today());
    const raisedToday = before[13].raised;
    const resolvedToday = before[13].resolved;
    const number = decision(61).decisionNumber;
    await signed(icbc, 'POST', '/api/bank/v1/collections', push(number, 20000, 'ICBC61'), {
      idem: 'idem-pay-61',
    });
    const mid = (await officer.get('/api/summary')).json().trends.syncLag[13];
    expect(mid).toEqual({ date: t.ctx.clock.today(), raised: raisedToday + 1, resolved: resolvedToday });
    await signed(
      police,
      'POST',
      '/api/police/v1/decisions',
      { decisions: [decision(61)] },
      { idem: 'idem-load-61' },
    );
    const after = (await officer.get('/api/summary')).json().trends.syncLag[13];
    expect(after.resolved).toBe(resolvedToday + 1);
    const byType = (await officer.get('/api/summary')).json().trends.openFlagsByType;
    expect(byType.map((r: { type: string }) => r.type)).toEqual([
      'paid_without_funds',
      'sync_lag',
      'single_user_manual',
      'reversal',
      'amount_mismatch',
      'duplicate',
    ]);
    const counts = (await officer.get('/api/paid-status-flags/counts')).json();
    for (const r of byType) expect(r.open).toBe(counts[r.type] ?? 0);
    expect((await (await t.login('finance')).get('/api/summary')).json().trends.syncLag).toBeUndefined();
  });
});

describe('impossible and implausible times', () => {
  it.each([
    ['0001-01-01T00:00:00Z', 'implausible_time'],
    ['9999-12-31T00:00:00Z', 'implausible_time'],
    ['2024-01-01T10:00:00+08:00', 'implausible_time'],
    ['2026-02-30T10:00:00+08:00', 'instant_with_offset'],
    ['2026-04-31T10:00:00+08:00', 'instant_with_offset'],
    ['2026-03-10T24:00:00+08:00', 'instant_with_offset'],
    ['2026-03-10T10:00:00+25:00', 'instant_with_offset'],
  ])('a push collected at %s is refused with 400 %s and stores nothing', async (at, code) => {
    const before = await collectionCount();
    const res = await signed(
      icbc,
      'POST',
      '/api/bank/v1/collections',
      push('X-nothing', 100, `BADAT-${at.slice(0, 10)}-${code.length}`, at),
      {
        idem: `idem-bad-at-${at.replace(/[^\d]/g, '')}`,
      },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.collectedAt.code).toBe(code);
    expect(await collectionCount()).toBe(before);
  });

  it('one collection with an impossible date stored earlier does not stop the remittance sweep for anyone', async () => {
    const [sample] = await t.database.db.select().from(collections).limit(1);
    // As if written before the check existed.
    await t.database.db.insert(collections).values({
      ...sample,
      id: undefined,
      bankTxnId: 'LEGACY-YEAR-1',
      collectedAt: new Date('0001-01-01T00:00:00Z'),
      businessDate: '0001-01-01',
    });
    const env = { clock: t.ctx.clock, calendars: createCalendarCache() };
    const result = await refreshRemittances(t.database.db, env);
    expect(result.obligations).toBeGreaterThan(0);
    expect(result.skippedCollections).toBeGreaterThanOrEqual(1);
    // The sender's own later pushes keep working.
    const ok = await signed(
      icbc,
      'POST',
      '/api/bank/v1/collections',
      push('X-later', 100, 'AFTER-LEGACY-1'),
      {
        idem: 'idem-after-legacy-1',
      },
    );
    expect(ok.statusCode).toBe(201);
  });
});
