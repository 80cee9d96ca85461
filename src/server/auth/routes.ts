import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { changePasswordSchema, loginSchema } from '../../domain/users';
import { type AppContext, actorOf } from '../context';
import { users } from '../db/schema';
import { HttpError, unprocessable } from '../http/errors';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords';
import { SESSION_COOKIE, toActor } from './sessions';

export const MAX_FAILED_LOGINS = 10;
export const LOCK_MS = 15 * 60_000;
const GENERIC = 'Wrong username or password, or the account is locked';

export function authRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx.database;
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
        if (!user?.active || locked || !passwordOk) {
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
                      : 'wrong_password',
              },
              ip: request.ip,
            });
          });
          throw new HttpError(401, 'invalid_credentials', GENERIC);
        }
        const session = await ctx.sessions.create(user.id);
        await db.transaction(async (tx) => {
          await tx
            .update(users)
            .set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: now })
            .where(eq(users.id, user.id));
          await ctx.audit.record(tx, {
            actor: toActor(user),
            action: 'login',
            resource: 'auth',
            recordId: user.id,
            ip: request.ip,
          });
        });
        reply.setCookie(SESSION_COOKIE, session.id, {
          path: '/',
          httpOnly: true,
          sameSite: 'strict',
          secure: ctx.config.secureCookies,
        });
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
