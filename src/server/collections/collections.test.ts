import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collections, decisions, units, users } from '../db/schema';
import { buildTestApp, listUrl, type TestApp } from '../test/helper';

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

const totalOf = (res: { headers: Record<string, unknown> }) =>
  Number(String(res.headers['content-range']).split('/')[1]);
const countWhere = async (where?: ReturnType<typeof eq>) =>
  (
    await t.database.db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(collections)
      .where(where)
  )[0].n;
const all = async (username: string, filter: object = {}) => {
  const res = await (await as(username)).get(listUrl('collections', { filter, range: [0, 999] }));
  expect(res.statusCode).toBe(200);
  return {
    rows: res.json() as { id: number; bankId: string; decisionId: number | null }[],
    total: totalOf(res),
  };
};

describe('collections list 代收明细', () => {
  it('a bank sees exactly its own collections, orphans included', async () => {
    const { rows, total } = await all('bank_icbc');
    expect(total).toBe(await countWhere(eq(collections.bankId, 'ICBC')));
    expect(total).toBeGreaterThan(0);
    expect(rows.every((r) => r.bankId === 'ICBC')).toBe(true);
  });

  it('a unit sees its decisions’ collections, a department its units’', async () => {
    const [unitUser] = await t.database.db.select().from(users).where(eq(users.username, 'unit'));
    const own = await t.database.db
      .select({ id: collections.id })
      .from(collections)
      .innerJoin(decisions, eq(decisions.id, collections.decisionId))
      .where(eq(decisions.unitId, unitUser.unitId!));
    const unit = await all('unit');
    expect(unit.total).toBe(own.length);
    expect(new Set(unit.rows.map((r) => r.id))).toEqual(new Set(own.slice(0, 1000).map((r) => r.id)));

    const [dept] = await t.database.db.select().from(users).where(eq(users.username, 'dept_market'));
    const deptOwn = await t.database.db
      .select({ id: collections.id })
      .from(collections)
      .innerJoin(decisions, eq(decisions.id, collections.decisionId))
      .where(
        inArray(
          decisions.unitId,
          t.database.db
            .select({ id: units.id })
            .from(units)
            .where(eq(units.departmentId, dept.departmentId!)),
        ),
      );
    expect((await all('dept_market')).total).toBe(deptOwn.length);
  });

  it('finance at the province sees every collection, orphans too; admin has no access', async () => {
    expect(await countWhere(isNull(collections.decisionId))).toBeGreaterThan(0);
    expect((await all('finance')).total).toBe(await countWhere());
    expect((await (await as('admin')).get(listUrl('collections'))).statusCode).toBe(403);
  });

  it('filters by bank, channel, business dates, decision number and matched; count answers the same', async () => {
    const [sample] = await t.database.db
      .select()
      .from(collections)
      .where(and(eq(collections.bankId, 'ICBC')))
      .limit(1);
    const cases: [object, number][] = [
      [{ bankId: 'ICBC' }, await countWhere(eq(collections.bankId, 'ICBC'))],
      [{ channel: sample.channel }, await countWhere(eq(collections.channel, sample.channel))],
      [
        { businessDate_gte: sample.businessDate, businessDate_lte: sample.businessDate },
        await countWhere(eq(collections.businessDate, sample.businessDate)),
      ],
      [
        { decisionNumber: sample.decisionNumber },
        await countWhere(eq(collections.decisionNumber, sample.decisionNumber)),
      ],
      [{ matched: false }, await countWhere(isNull(collections.decisionId))],
      [{ q: sample.bankTxnId }, 1],
    ];
    const finance = await as('finance');
    for (const [filter, expected] of cases) {
      expect((await all('finance', filter)).total, JSON.stringify(filter)).toBe(expected);
      const counted = await finance.get(
        `/api/collections/count?filter=${encodeURIComponent(JSON.stringify(filter))}`,
      );
      expect(counted.json(), JSON.stringify(filter)).toEqual({ count: expected });
    }
    // The count is scoped like the list.
    const bank = await as('bank_abc');
    const abc = await bank.get(
      `/api/collections/count?filter=${encodeURIComponent(JSON.stringify({ bankId: 'ICBC' }))}`,
    );
    expect(abc.json()).toEqual({ count: 0 });
  });

  it('names a bad filter with a 400 and a code', async () => {
    const finance = await as('finance');
    const unknown = await finance.get(listUrl('collections', { filter: { plate: '青A' } }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual({ 'filter.plate': { code: 'not_a_known_filter' } });
    const badDate = await finance.get(
      listUrl('collections', { filter: { businessDate_gte: '2026-02-30x' } }),
    );
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().errors['filter.businessDate_gte'].code).toBe('date_format');
  });

  it('shows one collection with its flags, and 404 outside the caller’s scope', async () => {
    const [icbc] = await t.database.db
      .select()
      .from(collections)
      .where(eq(collections.bankId, 'ICBC'))
      .limit(1);
    const own = await (await as('bank_icbc')).get(`/api/collections/${icbc.id}`);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({
      id: icbc.id,
      bankTxnId: icbc.bankTxnId,
      bankName: expect.any(String),
    });
    expect(Array.isArray(own.json().flags)).toBe(true);
    expect((await (await as('bank_abc')).get(`/api/collections/${icbc.id}`)).statusCode).toBe(404);
  });
});
