import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, listUrl, type TestApp } from '../test/helper';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('user administration', () => {
  it('admin creates a bank user; the link is required and checked', async () => {
    const admin = await t.login('admin');
    const missing = await admin.post('/api/users', {
      username: 'bank_x',
      displayName: 'X',
      role: 'bank',
      regionCode: '63',
      password: 'Passw0rd!',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toHaveProperty('bankId');
    const ok = await admin.post('/api/users', {
      username: 'bank_x',
      displayName: 'X',
      role: 'bank',
      regionCode: '63',
      bankId: 'BOC',
      password: 'Passw0rd!',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().passwordHash).toBeUndefined();
    const dup = await admin.post('/api/users', {
      username: 'bank_x',
      displayName: 'X',
      role: 'bank',
      regionCode: '63',
      bankId: 'BOC',
      password: 'Passw0rd!',
    });
    expect(dup.statusCode).toBe(422);
  });

  it('deactivates (never deletes) and ends the sessions of the deactivated user', async () => {
    const admin = await t.login('admin');
    const created = (
      await admin.post('/api/users', {
        username: 'leaver',
        displayName: 'L',
        role: 'police',
        regionCode: '63',
        password: 'Passw0rd!',
      })
    ).json();
    const leaver = await t.login('leaver', 'Passw0rd!');
    expect((await admin.post(`/api/users/${created.id}/deactivate`)).json().active).toBe(false);
    expect((await leaver.get('/api/auth/me')).statusCode).toBe(401);
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/users/${created.id}`,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
    });
    expect(del.statusCode).toBe(404);
    expect(
      (await admin.get(listUrl('users', { filter: { active: false } })))
        .json()
        .map((u: { username: string }) => u.username),
    ).toContain('leaver');
  });

  it('only admin manages users; finance gets 403', async () => {
    const finance = await t.login('finance');
    expect((await finance.get('/api/users')).statusCode).toBe(403);
    expect((await finance.post('/api/users', {})).statusCode).toBe(403);
  });

  it('a role change ends the user sessions', async () => {
    const admin = await t.login('admin');
    const u = (
      await admin.post('/api/users', {
        username: 'mover',
        displayName: 'M',
        role: 'police',
        regionCode: '63',
        password: 'Passw0rd!',
      })
    ).json();
    const mover = await t.login('mover', 'Passw0rd!');
    const got = (await admin.get(`/api/users/${u.id}`)).json();
    expect((await admin.put(`/api/users/${u.id}`, { ...got, role: 'auditor' })).statusCode).toBe(200);
    expect((await mover.get('/api/auth/me')).statusCode).toBe(401);
  });
});
