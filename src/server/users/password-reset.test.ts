import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../db/schema';
import { type Agent, buildTestApp, listUrl, PASSWORD, type TestApp } from '../test/helper';

// Separation of duties (issue 16): an admin never learns or sets anyone's password, and nobody
// changes their own role — so one person cannot give both approvals of a large refund.
let t: TestApp;
let admin: Agent;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await t.login('admin');
});
afterAll(() => t.close());

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
const sid = (res: { cookies: { name: string; value: string }[] }) =>
  `sid=${res.cookies.find((c) => c.name === 'sid')?.value}`;

async function createUser(username: string) {
  const res = await admin.post('/api/users', {
    username,
    displayName: `用户 ${username}`,
    role: 'finance',
    regionCode: '63',
    password: 'Secret123',
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: number };
}

async function reset(id: number) {
  const res = await admin.post(`/api/users/${id}/reset-password`);
  expect(res.statusCode).toBe(200);
  return res.json() as { code: string; expiresAt: string; user: Record<string, unknown> };
}

/** Signs in with the code: the answer is the set-password state, not a user. */
async function codeSession(username: string, code: string) {
  const res = await login(username, code);
  expect(res.statusCode).toBe(200);
  const body = res.json();
  expect(body.mustSetPassword).toBe(true);
  expect(body.user).toBeUndefined();
  const cookie = sid(res);
  const headers = { cookie, 'x-csrf-token': body.csrfToken as string };
  return {
    body,
    get: (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } }),
    post: (url: string, payload: object = {}) => t.app.inject({ method: 'POST', url, headers, payload }),
  };
}

describe('admin password reset with a one-time code', () => {
  it('ends every session, kills the old password, shows the code once and stores only its hash', async () => {
    const u = await createUser('reset_a');
    const one = await t.login('reset_a', 'Secret123');
    const two = await t.login('reset_a', 'Secret123');
    const { code, expiresAt, user } = await reset(u.id);
    expect(code).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}(-[2-9A-HJKMNP-TV-Z]{4}){3}$/);
    // RESET_CODE_HOURS defaults to 24.
    expect(Date.parse(expiresAt) - Date.parse(user.passwordResetAt as string)).toBe(24 * 3_600_000);
    expect(user).toMatchObject({ resetPending: true, passwordResetBy: expect.any(Number) });
    expect(user).not.toHaveProperty('resetCodeHash');
    expect(user).not.toHaveProperty('passwordHash');
    expect(JSON.stringify((await admin.get(`/api/users/${u.id}`)).json())).not.toContain(code);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, u.id));
    expect(row.resetCodeHash).toMatch(/^scrypt\$/);
    expect(row.resetCodeHash).not.toContain(code);

    expect((await one.get('/api/auth/me')).statusCode).toBe(401);
    expect((await two.get('/api/auth/me')).statusCode).toBe(401);
    expect((await login('reset_a', 'Secret123')).statusCode).toBe(401);
  });

  it('the code signs in once, into a session that can only set the password; then a normal session follows', async () => {
    const u = await createUser('reset_b');
    const { code } = await reset(u.id);
    // Case, spaces and dashes do not matter when typing the code.
    const s = await codeSession('reset_b', code.toLowerCase().replaceAll('-', ' '));
    expect(s.body.notice).toMatchObject({
      code: 'password_reset_by_admin',
      params: { by: expect.any(String), at: expect.any(String) },
    });
    // Once only: the code is spent by that sign-in.
    expect((await login('reset_b', code)).statusCode).toBe(401);

    // Nothing but setting the password.
    for (const url of ['/api/auth/me', '/api/agreements', '/api/refunds', '/api/summary']) {
      const res = await s.get(url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().code).toBe('must_set_password');
    }
    const change = await s.post('/api/auth/password', { currentPassword: code, newPassword: 'Mine12345' });
    expect(change.json().code).toBe('must_set_password');
    expect((await s.post('/api/auth/logout')).statusCode).toBe(403);
    expect((await s.post('/api/auth/set-password', { newPassword: 'short' })).statusCode).toBe(400);

    const set = await s.post('/api/auth/set-password', { newPassword: 'Mine12345' });
    expect(set.statusCode).toBe(200);
    expect(set.json().user).toMatchObject({ username: 'reset_b' });
    // The code session is over; the new cookie is a normal session.
    expect((await s.get('/api/agreements')).statusCode).toBe(401);
    const full = await t.app.inject({ url: '/api/auth/me', headers: { cookie: sid(set) } });
    expect(full.statusCode).toBe(200);
    expect((await login('reset_b', 'Mine12345')).statusCode).toBe(200);
    expect((await login('reset_b', code)).statusCode).toBe(401);
    expect((await admin.get(`/api/users/${u.id}`)).json().resetPending).toBe(false);
  });

  it('an expired code is refused and audited as such', async () => {
    const u = await createUser('reset_c');
    const { code } = await reset(u.id);
    await t.database.db
      .update(users)
      .set({ resetCodeExpiresAt: new Date(Date.now() - 86_400_000 * 400) })
      .where(eq(users.id, u.id));
    expect((await login('reset_c', code)).statusCode).toBe(401);
    const auditor = await t.login('auditor');
    const failed = (
      await auditor.get(
        listUrl('audit-events', { filter: { action: 'login_failed', actorUsername: 'reset_c' } }),
      )
    ).json();
    expect(failed[0].after).toMatchObject({ reason: 'reset_code_expired' });
  });

  it('a normal session cannot use set-password; nobody resets their own password; only admin resets', async () => {
    const finance = await t.login('finance');
    const own = await finance.post('/api/auth/set-password', { newPassword: 'Mine12345' });
    expect(own.statusCode).toBe(403);
    expect(own.json().code).toBe('not_a_reset_session');
    const finance2 = (await admin.get(listUrl('users', { filter: { q: 'finance2' } }))).json()[0];
    expect((await finance.post(`/api/users/${finance2.id}/reset-password`)).statusCode).toBe(403);
    const me = (await admin.get(listUrl('users', { filter: { q: 'admin' } }))).json()[0];
    const self = await admin.post(`/api/users/${me.id}/reset-password`);
    expect(self.statusCode).toBe(422);
    expect(self.json().code).toBe('cannot_reset_own_password');
  });

  it('every step is in the audit log, never with the code or a hash', async () => {
    const u = await createUser('reset_d');
    const { code } = await reset(u.id);
    const s = await codeSession('reset_d', code);
    expect((await s.post('/api/auth/set-password', { newPassword: 'Mine12345' })).statusCode).toBe(200);
    const auditor = await t.login('auditor');
    const events = (await auditor.get(listUrl('audit-events', { range: [0, 499] }))).json() as {
      action: string;
      resource: string;
      recordId: string | number;
      actorUsername: string;
      before: unknown;
      after: unknown;
    }[];
    const mine = events.filter((e) => String(e.recordId) === String(u.id));
    expect(mine.map((e) => `${e.resource}:${e.action}:${e.actorUsername}`)).toEqual(
      expect.arrayContaining([
        'users:reset_password:admin',
        'auth:reset_code_login:reset_d',
        'auth:set_password:reset_d',
      ]),
    );
    const text = JSON.stringify(mine);
    expect(text).not.toContain(code);
    expect(text).not.toContain('scrypt$');
    expect(text).not.toContain('resetCodeHash');
  });
});

describe('no self-granted roles, no admin-set passwords', () => {
  it('admin cannot change its own role (403) but may edit its own name', async () => {
    const me = (await admin.get(listUrl('users', { filter: { q: 'admin' } }))).json()[0];
    const got = (await admin.get(`/api/users/${me.id}`)).json();
    const refused = await admin.put(`/api/users/${me.id}`, { ...got, role: 'finance' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('cannot_change_own_role');
    expect((await admin.get(`/api/users/${me.id}`)).json().role).toBe('admin');
    const renamed = await admin.put(`/api/users/${me.id}`, { ...got, displayName: '系统管理员（新）' });
    expect(renamed.statusCode).toBe(200);
  });

  it('PUT with a password is refused with a code naming the reset, and the password is unchanged', async () => {
    const finance2 = (await admin.get(listUrl('users', { filter: { q: 'finance2' } }))).json()[0];
    const got = (await admin.get(`/api/users/${finance2.id}`)).json();
    const res = await admin.put(`/api/users/${finance2.id}`, { ...got, password: 'Taken1234' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'password_not_settable',
      errors: { password: { code: 'use_password_reset' } },
    });
    expect((await login('finance2', 'Taken1234')).statusCode).toBe(401);
    expect((await login('finance2', PASSWORD)).statusCode).toBe(200);
  });
});
