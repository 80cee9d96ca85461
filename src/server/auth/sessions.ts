import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Actor } from '../../domain/roles';
import type { Clock } from '../clock';
import type { Db } from '../db/client';
import { sessions, users } from '../db/schema';

export const SESSION_COOKIE = 'sid';
export const IDLE_MS = 30 * 60_000;
export const ABSOLUTE_MS = 12 * 3_600_000;
const TOUCH_EVERY_MS = 60_000;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export type SessionPurpose = 'full' | 'set_password';
/** A session opened with a one-time reset code lives only this long and may only set the password. */
export const SET_PASSWORD_SESSION_MS = 15 * 60_000;

export interface SessionInfo {
  idHash: string;
  csrfToken: string;
  purpose: SessionPurpose;
  user: Actor & { displayName: string };
}

export function toActor(u: typeof users.$inferSelect): Actor & { displayName: string } {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    regionCode: u.regionCode,
    unitId: u.unitId,
    bankId: u.bankId,
    departmentId: u.departmentId,
  };
}

export function createSessions(db: Db, clock: Clock) {
  async function create(userId: number, purpose: SessionPurpose = 'full') {
    const id = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const now = clock.now();
    await db.insert(sessions).values({
      idHash: sha256(id),
      userId,
      csrfToken,
      purpose,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + (purpose === 'full' ? ABSOLUTE_MS : SET_PASSWORD_SESSION_MS)),
    });
    return { id, csrfToken };
  }

  /** The live session for a cookie value, sliding its idle window; null when absent, expired or revoked. */
  async function resolve(cookieValue: string): Promise<SessionInfo | null> {
    const idHash = sha256(cookieValue);
    const [row] = await db
      .select({ session: sessions, user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.idHash, idHash), isNull(sessions.revokedAt)))
      .limit(1);
    if (!row?.user.active) return null;
    const now = clock.now().getTime();
    if (now > row.session.expiresAt.getTime() || now - row.session.lastSeenAt.getTime() > IDLE_MS)
      return null;
    if (now - row.session.lastSeenAt.getTime() > TOUCH_EVERY_MS)
      await db
        .update(sessions)
        .set({ lastSeenAt: new Date(now) })
        .where(eq(sessions.idHash, idHash));
    return {
      idHash,
      csrfToken: row.session.csrfToken,
      purpose: row.session.purpose,
      user: toActor(row.user),
    };
  }

  const revoke = (idHash: string) =>
    db.update(sessions).set({ revokedAt: clock.now() }).where(eq(sessions.idHash, idHash));

  /** Ends every live session of a user, but the one named (the caller's own, after a password change). */
  const revokeAllFor = (userId: number, exceptIdHash?: string) =>
    db
      .update(sessions)
      .set({ revokedAt: clock.now() })
      .where(
        and(
          eq(sessions.userId, userId),
          isNull(sessions.revokedAt),
          exceptIdHash ? ne(sessions.idHash, exceptIdHash) : undefined,
        ),
      );

  return { create, resolve, revoke, revokeAllFor };
}
export type Sessions = ReturnType<typeof createSessions>;

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
