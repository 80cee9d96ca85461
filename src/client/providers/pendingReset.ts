import type { Coded } from '../../domain/i18n';

/**
 * After a sign-in with a one-time reset code: the set-password session's CSRF token and the notice
 * (管理员于 … 重置了您的密码). Kept per tab, so a reload of the login page still offers the form.
 */
export interface PendingReset {
  csrfToken: string;
  notice: Coded | null;
}

const KEY = 'fs.pendingReset';
const storage = () => (typeof sessionStorage === 'undefined' ? null : sessionStorage);
const listeners = new Set<() => void>();
let current: PendingReset | null = null;
let raw: string | null | undefined;

function read(): PendingReset | null {
  const value = storage()?.getItem(KEY) ?? null;
  if (value !== raw) {
    raw = value;
    try {
      current = value ? (JSON.parse(value) as PendingReset) : null;
    } catch {
      current = null;
    }
  }
  return current;
}

export const pendingReset = {
  get: read,
  set(value: PendingReset | null) {
    if (value) storage()?.setItem(KEY, JSON.stringify(value));
    else storage()?.removeItem(KEY);
    for (const l of listeners) l();
  },
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
