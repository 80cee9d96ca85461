import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, PASSWORD, type TestApp } from '../test/helper';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

async function createThrowaway(username: string) {
  const admin = await t.login('admin');
  const res = await admin.post('/api/users', {
    username,
    displayName: 'Throwaway',
    role: 'finance',
    regionCode: '63',
    password: 'Secret123',
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: number };
}

describe('GET /api/health', () => {
  it('reports the database kind without a session', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite' });
  });
});

describe('POST /api/auth/login', () => {
  it('returns the user, a CSRF token and an httpOnly strict session cookie', async () => {
    const res = await login('finance', PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ username: 'finance', role: 'finance', regionCode: '63' });
    expect(body.user.passwordHash).toBeUndefined();
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    const cookie = res.cookies.find((c) => c.name === 'sid');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  });

  it('answers wrong password and unknown user with the same 401 message', async () => {
    const wrong = await login('finance', 'nope12345');
    const unknown = await login('nobody', 'nope12345');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().message).toBe(unknown.json().message);
  });

  it('locks after 10 failures, even for the right password, until an admin unlocks', async () => {
    const user = await createThrowaway('lockme');
    for (let i = 0; i < 10; i++) expect((await login('lockme', 'wrong-pass1')).statusCode).toBe(401);
    const locked = await login('lockme', 'Secret123');
    expect(locked.statusCode).toBe(401);
    expect(locked.json().message).toBe((await login('finance', 'bad-pass-1')).json().message);

    const admin = await t.login('admin');
    const shown = await admin.get(`/api/users/${user.id}`);
    expect(shown.json().locked).toBe(true);
    expect((await admin.post(`/api/users/${user.id}/unlock`)).statusCode).toBe(200);
    expect((await login('lockme', 'Secret123')).statusCode).toBe(200);
  });

  it('records failures and successes in the audit log', async () => {
    await login('police', 'wrong-pass1');
    const auditor = await t.login('auditor');
    const res = await auditor.get(
      `/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ action: 'login_failed', actorUsername: 'police' }))}`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()[0]).toMatchObject({
      action: 'login_failed',
      resource: 'auth',
      actorUsername: 'police',
    });
  });
});

describe('session and CSRF', () => {
  it('401 without a session', async () => {
    const res = await t.app.inject({ url: '/api/agreements' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('unauthenticated');
  });

  it('403 for a mutation without the matching X-CSRF-Token', async () => {
    const finance = await t.login('finance');
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/agreements/1/file',
      headers: { cookie: finance.cookie },
      payload: {},
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().code).toBe('csrf');
    const other = await t.login('finance');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/agreements/1/file',
      headers: { cookie: finance.cookie, 'x-csrf-token': other.csrfToken },
      payload: {},
    });
    expect(wrong.statusCode).toBe(403);
  });

  it('GET /api/auth/me returns the user and token; logout revokes the session', async () => {
    const agent = await t.login('treasury');
    const me = await agent.get('/api/auth/me');
    expect(me.json()).toMatchObject({ user: { username: 'treasury' }, csrfToken: agent.csrfToken });
    expect((await agent.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await agent.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('changes the own password only with the current one, ending the other sessions', async () => {
    await createThrowaway('changer');
    const agent = await t.login('changer', 'Secret123');
    const elsewhere = await t.login('changer', 'Secret123');
    const wrong = await agent.post('/api/auth/password', {
      currentPassword: 'nope',
      newPassword: 'Newpass456',
    });
    expect(wrong.statusCode).toBe(422);
    const weak = await agent.post('/api/auth/password', {
      currentPassword: 'Secret123',
      newPassword: 'short',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors.newPassword).toBeDefined();
    const ok = await agent.post('/api/auth/password', {
      currentPassword: 'Secret123',
      newPassword: 'Newpass456',
    });
    expect(ok.statusCode).toBe(200);
    // The other browser is signed out; the one that changed it stays in.
    expect((await elsewhere.get('/api/auth/me')).statusCode).toBe(401);
    expect((await agent.get('/api/auth/me')).statusCode).toBe(200);
    expect((await login('changer', 'Newpass456')).statusCode).toBe(200);
  });
});
