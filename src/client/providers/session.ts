import type { Actor } from '../../domain/roles';

export type SessionUser = Actor & { displayName: string };

/** The signed-in user and CSRF token, kept in memory; a reload fetches them again from /api/auth/me. */
let current: { user: SessionUser; csrfToken: string } | null = null;

export const session = {
  get: () => current,
  set: (value: { user: SessionUser; csrfToken: string } | null) => {
    current = value;
  },
};
