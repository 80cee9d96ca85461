import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, listUrl, type TestApp } from '../test/helper';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const csvOf = (payload: Buffer) => parse(payload.subarray(3)) as string[][];

describe('refund export', () => {
  it('has the list’s rows for each caller, worded in Chinese, payee account masked', async () => {
    for (const username of ['finance', 'unit', 'police']) {
      const agent = await t.login(username);
      const list = await agent.get(listUrl('refunds', { range: [0, 999] }));
      const total = Number(String(list.headers['content-range']).split('/')[1]);
      const res = await agent.get('/api/refunds/export.csv');
      expect(res.statusCode, username).toBe(200);
      const rows = csvOf(res.rawPayload);
      expect(rows[0]).toEqual(expect.arrayContaining(['编号', '退付原因', '退付金额', '状态', '收款账号']));
      expect(rows.length - 1, username).toBe(total);
      expect(
        rows
          .slice(1)
          .map((r) => Number(r[0]))
          .sort(),
      ).toEqual((list.json() as { id: number }[]).map((r) => r.id).sort());
      const status = rows[0].indexOf('状态');
      const account = rows[0].indexOf('收款账号');
      for (const r of rows.slice(1)) {
        expect(r[status]).toMatch(/^[\u4e00-\u9fa5]+$/);
        expect(r[account]).toMatch(/\*/);
      }
    }
  });

  it('takes the list’s own filters, including “waiting for me”', async () => {
    const finance = await t.login('finance');
    const filter = encodeURIComponent(JSON.stringify({ pendingFor: 'me' }));
    const list = await finance.get(`/api/refunds?filter=${filter}&range=[0,999]`);
    const res = await finance.get(`/api/refunds/export.csv?filter=${filter}`);
    expect(csvOf(res.rawPayload).length - 1).toBe(
      Number(String(list.headers['content-range']).split('/')[1]),
    );
  });
});
