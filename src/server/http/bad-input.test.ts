import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../db/schema';
import { buildTestApp, type TestApp } from '../test/helper';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ DEMO_DECISIONS: '20' });
});
afterAll(() => t.close());

const userCount = async () => (await t.database.db.select({ n: count() }).from(users))[0].n;
const newUser = (extra: Record<string, unknown>) => ({
  username: `u_${Math.random().toString(36).slice(2, 10)}`,
  displayName: '张三',
  role: 'unit',
  regionCode: '630102',
  unitId: 1,
  password: 'Strong#Pass2026',
  ...extra,
});

describe('input the database cannot take is a 4xx naming the field, never a 500', () => {
  it.each([
    ['a NUL byte', '张\u0000三', 'displayName'],
    ['a lone high surrogate', '张\uD800三', 'displayName'],
    ['a lone low surrogate', '\uDC00', 'displayName'],
  ])('%s in a text field is refused with 400 invalid_characters, nothing stored', async (_, text, field) => {
    const admin = await t.login('admin');
    const before = await userCount();
    const res = await admin.post('/api/users', newUser({ [field]: text }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'invalid_input',
      errors: { [field]: { code: 'invalid_characters' } },
    });
    expect(await userCount()).toBe(before);
  });

  it('a NUL byte in a query string is refused the same way', async () => {
    const admin = await t.login('admin');
    const res = await admin.get(`/api/users?filter=${encodeURIComponent(JSON.stringify({ q: 'a\u0000' }))}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors['filter.q'].code).toBe('invalid_characters');
  });

  it('a paired surrogate (an emoji) is ordinary text', async () => {
    const admin = await t.login('admin');
    const res = await admin.post('/api/users', newUser({ displayName: '张三 😀' }));
    expect(res.statusCode).toBe(201);
  });

  it('a reference to a unit that does not exist is a 4xx naming the field', async () => {
    const admin = await t.login('admin');
    const before = await userCount();
    const res = await admin.post('/api/users', newUser({ unitId: 999_999 }));
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json().errors.unitId.code).toBe('unknown_reference');
    expect(await userCount()).toBe(before);
  });

  it('a sign-off for a bank that does not exist is a 4xx, not a 500', async () => {
    const treasury = await t.login('treasury');
    const res = await treasury.post('/api/reconciliation-signoffs', {
      month: '2026-02',
      bankId: 'NOSUCHBANK',
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
  });
});

it('API answers are never cached: they hold personal data and per-user views', async () => {
  const finance = await t.login('finance');
  const res = await finance.get('/api/decisions?range=[0,0]');
  expect(res.statusCode).toBe(200);
  expect(res.headers['cache-control']).toBe('no-store');
});
