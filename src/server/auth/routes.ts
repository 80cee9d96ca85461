import { and, eq } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { changePasswordSchema, loginSchema, normaliseResetCode, setPasswordSchema } from '../../domain/users';
import { type AppContext, actorOf } from '../context';
import { users } from '../db/schema';
import { HttpError, unprocessable } from '../http/errors';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords';
import { SESSION_COOKIE, type SessionPurpose, toActor } from './sessions';

export const MAX_FAILED_LOGINS = 10;
export const LOCK_MS = 15 * 60_000;
const GENERIC = 'Wrong username or password, or the account is locked';

export function authRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx.database;
  const setSessionCookie = (reply: FastifyReply, id: string) =>
    reply.setCookie(SESSION_COOKIE, id, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: ctx.config.secureCookies,
    });
  /** 管理员于 … 重置了您的密码: when and by whom, shown on the set-password form. */
  async function resetNotice(user: typeof users.$inferSelect) {
    if (!user.passwordResetAt) return null;
    const [by] = user.passwordResetBy
      ? await db
          .select({ displayName: users.displayName })
          .from(users)
          .where(eq(users.id, user.passwordResetBy))
      : [];
    return {
      code: 'password_reset_by_admin',
      params: { at: user.passwordResetAt.toISOString(), by: by?.displayName ?? '' },
    };
  }
  return async (app) => {
    app.post(
      '/login',
      {
        config: {
          public: true,
          rateLimit: {
            max: ctx.config.loginRateLimit,
            timeWindow: '15 minutes',
            keyGenerator: (req) =>
              `${req.ip}|${String((req.body as { username?: unknown })?.username ?? '')}`,
          },
        },
        schema: { body: loginSchema },
      },
      async (request, reply) => {
        const { username, password } = request.body;
        const now = ctx.clock.now();
        const [user] = await db.select().from(users).where(eq(users.username, username)).limit(1);
        const passwordOk = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
        const locked = !!user?.lockedUntil && user.lockedUntil > now;
        // After an admin reset the old password is gone; the one-time code opens a set-password session.
        const codeExpired = !!user?.resetCodeExpiresAt && user.resetCodeExpiresAt <= now;
        const codeOk =
          !passwordOk &&
          !!user?.resetCodeHash &&
          !codeExpired &&
          (await verifyPassword(normaliseResetCode(password), user.resetCodeHash));
        if (!user?.active || locked || !(passwordOk || codeOk)) {
          await db.transaction(async (tx) => {
            if (user && !locked) {
              const failed = user.failedAttempts + 1;
              const lockedUntil = failed >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCK_MS) : null;
              await tx
                .update(users)
                .set({ failedAttempts: lockedUntil ? 0 : failed, lockedUntil })
                .where(eq(users.id, user.id));
              if (lockedUntil)
                await ctx.audit.record(tx, {
                  actor: null,
                  actorUsername: username,
                  action: 'lock',
                  resource: 'auth',
                  recordId: user.id,
                  ip: request.ip,
                });
            }
            await ctx.audit.record(tx, {
              actor: null,
              actorUsername: username.slice(0, 64),
              action: 'login_failed',
              resource: 'auth',
              recordId: user?.id ?? null,
              after: {
                reason: !user
                  ? 'unknown_user'
                  : !user.active
                    ? 'inactive'
                    : locked
                      ? 'locked'
                      : user.resetCodeHash && codeExpired
                        ? 'reset_code_expired'
                        : 'wrong_password',
              },
              ip: request.ip,
            });
          });
          throw new HttpError(401, 'invalid_credentials', GENERIC);
        }
        const purpose: SessionPurpose = codeOk ? 'set_password' : 'full';
        await db.transaction(async (tx) => {
          if (codeOk) {
            // The code works once: only the sign-in that clears this very hash wins a race.
            const [consumed] = await tx
              .update(users)
              .set({ resetCodeHash: null, resetCodeExpiresAt: null, failedAttempts: 0 })
              .where(and(eq(users.id, user.id), eq(users.resetCodeHash, user.resetCodeHash!)))
              .returning({ id: users.id });
            if (!consumed) throw new HttpError(401, 'invalid_credentials', GENERIC);
          } else
            await tx
              .update(users)
              .set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: now })
              .where(eq(users.id, user.id));
          await ctx.audit.record(tx, {
            actor: toActor(user),
            action: codeOk ? 'reset_code_login' : 'login',
            resource: 'auth',
            recordId: user.id,
            ip: request.ip,
          });
        });
        const session = await ctx.sessions.create(user.id, purpose);
        setSessionCookie(reply, session.id);
        if (codeOk)
          return { mustSetPassword: true, csrfToken: session.csrfToken, notice: await resetNotice(user) };
        return { user: toActor(user), csrfToken: session.csrfToken };
      },
    );

    // The user signed in with the one-time code chooses a new password; every session of theirs
    // (this one too) ends and a normal one replaces it.
    app.post(
      '/set-password',
      { config: { permission: ['summary', 'show'], setPassword: true }, schema: { body: setPasswordSchema } },
      async (request, reply) => {
        const actor = actorOf(request);
        const passwordHash = await hashPassword(request.body.newPassword);
        const [user] = await db.transaction(async (tx) => {
          const rows = await tx
            .update(users)
            .set({
              passwordHash,
              failedAttempts: 0,
              lastLoginAt: ctx.clock.now(),
              updatedAt: ctx.clock.now(),
            })
            .where(eq(users.id, actor.id))
            .returning();
          await ctx.audit.record(tx, {
            actor,
            action: 'set_password',
            resource: 'auth',
            recordId: actor.id,
            ip: request.ip,
          });
          return rows;
        });
        await ctx.sessions.revokeAllFor(actor.id);
        const session = await ctx.sessions.create(actor.id);
        setSessionCookie(reply, session.id);
        return { user: toActor(user), csrfToken: session.csrfToken };
      },
    );

    app.get('/me', { config: { permission: ['summary', 'show'] } }, async (request) => {
      const session = request.session!;
      return { user: session.user, csrfToken: session.csrfToken };
    });

    app.post('/logout', { config: { permission: ['summary', 'show'] } }, async (request, reply) => {
      const session = request.session!;
      await ctx.sessions.revoke(session.idHash);
      await ctx.audit.recordNow(db, {
        actor: session.user,
        action: 'logout',
        resource: 'auth',
        recordId: session.user.id,
        ip: request.ip,
      });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    });

    app.post(
      '/password',
      { config: { permission: ['summary', 'show'] }, schema: { body: changePasswordSchema } },
      async (request) => {
        const actor = actorOf(request);
        const [user] = await db.select().from(users).where(eq(users.id, actor.id));
        if (!(await verifyPassword(request.body.currentPassword, user.passwordHash)))
          throw unprocessable('wrong_current_password', 'The current password is wrong', {
            currentPassword: { code: 'wrong_password' },
          });
        if (request.body.currentPassword === request.body.newPassword)
          throw unprocessable('password_unchanged', 'The new password must differ from the current one', {
            newPassword: { code: 'same_as_current' },
          });
        const passwordHash = await hashPassword(request.body.newPassword);
        await db.transaction(async (tx) => {
          await tx
            .update(users)
            .set({ passwordHash, updatedAt: ctx.clock.now() })
            .where(eq(users.id, actor.id));
          await ctx.audit.record(tx, {
            actor,
            action: 'change_password',
            resource: 'auth',
            recordId: actor.id,
            ip: request.ip,
          });
        });
        // Whoever else held the old password (another browser, a stolen cookie) is signed out.
        await ctx.sessions.revokeAllFor(actor.id, request.session?.idHash);
        return { ok: true };
      },
    );
  };
}
