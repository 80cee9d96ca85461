import type { Actor } from '../../domain/roles';

export type SessionUser = Actor & { displayName: string };

/** The signed-in user and CSRF token, kept in memory; a reload fetches them again from /api/auth/me. */
let current: { user: SessionUser; csrfToken: string } | null = null;

// Kept per tab across reloads, so the login page can tell an expired session from a fresh visit.
const SIGNED_IN = 'fs.signedIn';
const EXPIRED = 'fs.sessionExpired';

const storage = () => (typeof sessionStorage === 'undefined' ? null : sessionStorage);

export const session = {
  get: () => current,
  set: (value: { user: SessionUser; csrfToken: string } | null) => {
    current = value;
    if (value) {
      storage()?.setItem(SIGNED_IN, '1');
      storage()?.removeItem(EXPIRED);
    }
  },
  /** The server no longer knows us: expired only if this tab had been signed in. */
  lost: () => {
    current = null;
    if (storage()?.getItem(SIGNED_IN)) storage()?.setItem(EXPIRED, '1');
    storage()?.removeItem(SIGNED_IN);
  },
  /** A deliberate sign-out: the next login page is a fresh visit. */
  signedOut: () => {
    current = null;
    storage()?.removeItem(SIGNED_IN);
    storage()?.removeItem(EXPIRED);
  },
  expired: () => storage()?.getItem(EXPIRED) === '1',
};
