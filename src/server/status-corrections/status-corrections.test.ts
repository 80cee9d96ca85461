import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decisions } from '../db/schema';
import { buildTestApp, listUrl, type TestApp } from '../test/helper';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('status corrections are scoped like their decisions', () => {
  it('police of another city neither see nor decide a Xining correction', async () => {
    const admin = await t.login('admin');
    const created = await admin.post('/api/users', {
      username: 'police_haidong',
      displayName: '海东交警 李强',
      role: 'police',
      regionCode: '6302',
      password: 'Passw0rd!23',
    });
    expect(created.statusCode).toBe(201);
    const [d] = await t.database.db
      .select()
      .from(decisions)
      .where(and(like(decisions.regionCode, '6301%'), eq(decisions.paymentStatus, 'unpaid')))
      .limit(1);
    const police = await t.login('police');
    const proposed = await police.post('/api/status-corrections', {
      decisionId: d.id,
      toStatus: 'paid',
      reason: '银行回单已核实',
    });
    expect(proposed.statusCode).toBe(201);
    const id = proposed.json().id;

    const haidong = await t.login('police_haidong', 'Passw0rd!23');
    const list = await haidong.get(listUrl('status-corrections', { filter: { state: 'proposed' } }));
    expect(list.statusCode).toBe(200);
    expect(list.json().map((c: { id: number }) => c.id)).not.toContain(id);
    expect(list.headers['content-range']).toMatch(/\/0$/);
    for (const action of ['confirm', 'reject'])
      expect(
        (await haidong.post(`/api/status-corrections/${id}/${action}`, { reason: '越权' })).statusCode,
      ).toBe(404);

    // The province's second officer still sees and decides it.
    const police2 = await t.login('police2');
    const seen = await police2.get(listUrl('status-corrections', { filter: { state: 'proposed' } }));
    expect(seen.json().map((c: { id: number }) => c.id)).toContain(id);
    expect(
      (await police2.post(`/api/status-corrections/${id}/reject`, { reason: '回单不符' })).statusCode,
    ).toBe(200);
  });
});
