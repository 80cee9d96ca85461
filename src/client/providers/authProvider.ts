import { type AuthProvider, HttpError } from 'react-admin';
import { type Action, can, RESOURCES, type Resource, type ScopedRecord } from '../../domain/permissions';
import { httpClient } from './httpClient';
import { type PendingReset, pendingReset } from './pendingReset';
import { type SessionUser, session } from './session';

async function loadSession() {
  if (session.get()) return session.get();
  try {
    const { json } = await httpClient('/api/auth/me');
    session.set(json as { user: SessionUser; csrfToken: string });
  } catch {
    session.lost();
  }
  return session.get();
}

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    try {
      const { json } = await httpClient('/api/auth/login', {
        method: 'POST',
        body: JSON.stringify({ username, password }),
      });
      if (json.mustSetPassword) {
        // Signed in with a one-time reset code: the login page now asks for a new password.
        session.signedOut();
        pendingReset.set({ csrfToken: json.csrfToken, notice: json.notice ?? null } as PendingReset);
        return { redirectTo: false };
      }
      pendingReset.set(null);
      session.set(json as { user: SessionUser; csrfToken: string });
    } catch (error) {
      // The login form shows the message: one generic, translated text whatever went wrong.
      if (error instanceof HttpError && error.status === 429) throw new Error('app.errors.rate_limited');
      throw new Error('app.errors.invalid_credentials');
    }
  },
  async logout() {
    // react-admin also calls logout after a refused checkAuth/checkError: then the session is
    // already gone and the login page must still say it expired.
    if (session.get()) {
      await httpClient('/api/auth/logout', { method: 'POST', body: '{}' }).catch(() => undefined);
      session.signedOut();
    }
  },
  async checkAuth() {
    if (!(await loadSession())) throw new Error('app.errors.unauthenticated');
  },
  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      session.lost();
      throw new Error('app.errors.unauthenticated');
    }
  },
  async getIdentity() {
    const s = await loadSession();
    if (!s) throw new Error('app.errors.unauthenticated');
    return { id: s.user.id, fullName: s.user.displayName, role: s.user.role };
  },
  async getPermissions() {
    return (await loadSession())?.user.role;
  },
  /** The same pure rule the server enforces; the server stays the authority. */
  async canAccess({ action, resource, record }: { action: string; resource: string; record?: unknown }) {
    const s = await loadSession();
    if (!s || !(RESOURCES as readonly string[]).includes(resource)) return false;
    return can(s.user, action as Action, resource as Resource, record as ScopedRecord | undefined);
  },
};
