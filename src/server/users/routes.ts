import { randomBytes, randomInt } from 'node:crypto';
import { and, eq, ilike, inArray, or } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  changesOwnRole,
  formatResetCode,
  normaliseResetCode,
  RESET_CODE_ALPHABET,
  USER_READ_ONLY,
  userInputSchema,
  userLinkProblems,
  version,
  withReadOnly,
} from '../../domain';
import { roleTexts, userFieldTexts, yesNoTexts } from '../../domain/i18n';
import type { Actor } from '../../domain/roles';
import { hashPassword } from '../auth/passwords';
import { type AppContext, actorOf } from '../context';
import { users } from '../db/schema';
import {
  assertNoProblems,
  badRequest,
  conflict,
  forbidden,
  notFound,
  staleVersion,
  unprocessable,
} from '../http/errors';
import { type ExportColumn, registerExports } from '../http/export';
import { asBoolean, asIdList, asString, listQuerySchema } from '../http/list-query';
import { serveList } from '../http/resource-list';
import { regionSubtree } from '../http/scope';
import { labelledColumns, tableList, wordedCell } from '../http/table-list';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const updateSchema = withReadOnly(userInputSchema.extend({ version }), USER_READ_ONLY);

type UserRow = Omit<typeof users.$inferSelect, 'passwordHash' | 'resetCodeHash'> & {
  locked: boolean;
  resetPending: boolean;
};

/** 16 random characters from the look-alike-free alphabet, as XXXX-XXXX-XXXX-XXXX. */
const newResetCode = () =>
  formatResetCode(
    Array.from({ length: 16 }, () => RESET_CODE_ALPHABET[randomInt(RESET_CODE_ALPHABET.length)]).join(''),
  );
const yesNo = (v: boolean) => (v ? 'yes' : 'no');
/** What the user list shows; the password hash is dropped before (present) and never exported. */
const userExportColumns: ExportColumn<UserRow>[] = labelledColumns<UserRow, keyof typeof userFieldTexts.en>(
  userFieldTexts,
  [
    ['id', 'number'],
    ['username', 'text'],
    ['displayName', 'text'],
    ['role', 'text', wordedCell(roleTexts, (u) => u.role)],
    ['regionCode', 'id'],
    ['unitId', 'number'],
    ['bankId', 'id'],
    ['departmentId', 'number'],
    ['active', 'text', wordedCell(yesNoTexts, (u) => yesNo(u.active))],
    ['locked', 'text', wordedCell(yesNoTexts, (u) => yesNo(u.locked))],
    ['lockedUntil', 'instant'],
    ['failedAttempts', 'number'],
    ['lastLoginAt', 'instant'],
    ['note', 'text'],
    ['createdAt', 'instant'],
    ['updatedAt', 'instant'],
  ],
);

export function userRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx.database;
  const present = ({ passwordHash: _, resetCodeHash, ...u }: typeof users.$inferSelect): UserRow => ({
    ...u,
    locked: !!u.lockedUntil && u.lockedUntil > ctx.clock.now(),
    // A code was issued and is neither used nor expired (the code itself is never shown again).
    resetPending: !!resetCodeHash && !!u.resetCodeExpiresAt && u.resetCodeExpiresAt > ctx.clock.now(),
  });
  const scope = (actor: Actor) => regionSubtree(users.regionCode, actor.regionCode);
  const list = tableList(db, users, 'users', {
    spec: () => ({
      sortable: {
        id: users.id,
        username: users.username,
        role: users.role,
        regionCode: users.regionCode,
        lastLoginAt: users.lastLoginAt,
      },
      defaultSort: ['username', 'ASC'],
      idColumn: users.id,
      filters: {
        id: (v) => inArray(users.id, asIdList('id', v).map(Number)),
        q: (v) => {
          const q = `%${asString('q', v)}%`;
          return or(ilike(users.username, q), ilike(users.displayName, q));
        },
        role: (v) => inArray(users.role, asIdList('role', v).map(String) as Actor['role'][]),
        regionCode: (v) => regionSubtree(users.regionCode, asString('regionCode', v)),
        active: (v) => eq(users.active, asBoolean('active', v)),
      },
    }),
    scope,
    present,
  });
  const find = async (actor: Actor, id: number) => {
    const [row] = await db
      .select()
      .from(users)
      .where(and(eq(users.id, id), scope(actor)));
    if (!row) throw notFound('User');
    return row;
  };

  async function mutate(
    request: { ip: string; session: Parameters<typeof actorOf>[0]['session'] },
    id: number,
    action: string,
    change: (row: typeof users.$inferSelect) => Partial<typeof users.$inferInsert>,
  ) {
    const actor = actorOf(request);
    const before = await find(actor, id);
    const values = change(before);
    await db.transaction(async (tx) => {
      const [after] = await tx
        .update(users)
        .set({ ...values, version: before.version + 1, updatedAt: ctx.clock.now() })
        .where(and(eq(users.id, id), eq(users.version, before.version)))
        .returning();
      if (!after) throw staleVersion();
      await ctx.audit.record(tx, {
        actor,
        action,
        resource: 'users',
        recordId: id,
        before,
        after,
        ip: request.ip,
      });
    });
    return present(await find(actor, id));
  }

  return async (app) => {
    registerExports(app, ctx, {
      list,
      columns: userExportColumns,
      permission: ['users', 'list'],
      name: 'users',
    });

    app.get(
      '/',
      { config: { permission: ['users', 'list'] }, schema: { querystring: listQuerySchema } },
      async (request, reply) => serveList(list, actorOf(request), request.query, reply),
    );

    app.get(
      '/:id',
      { config: { permission: ['users', 'show'] }, schema: { params: idParams } },
      async (request) => present(await find(actorOf(request), request.params.id)),
    );

    app.post(
      '/',
      { config: { permission: ['users', 'create'] }, schema: { body: userInputSchema } },
      async (request, reply) => {
        const actor = actorOf(request);
        const { password, ...input } = request.body;
        assertNoProblems(userLinkProblems(input));
        if (!password)
          throw badRequest('password is required for a new user', { password: { code: 'required' } });
        if (!input.regionCode.startsWith(actor.regionCode))
          throw badRequest('regionCode must be inside your own region', {
            regionCode: { code: 'outside_your_region' },
          });
        const [clash] = await db
          .select({ id: users.id })
          .from(users)
          .where(eq(users.username, input.username));
        if (clash)
          throw unprocessable('duplicate_username', `Username ${input.username} is taken`, {
            username: { code: 'taken' },
          });
        const passwordHash = await hashPassword(password);
        const created = await db.transaction(async (tx) => {
          const [row] = await tx
            .insert(users)
            .values({ ...input, passwordHash })
            .returning();
          await ctx.audit.record(tx, {
            actor,
            action: 'create',
            resource: 'users',
            recordId: row.id,
            after: row,
            ip: request.ip,
          });
          return row;
        });
        reply.code(201);
        return present(created);
      },
    );

    app.put(
      '/:id',
      { config: { permission: ['users', 'edit'] }, schema: { params: idParams, body: updateSchema } },
      async (request) => {
        const {
          version: expected,
          password,
          username,
          role,
          displayName,
          regionCode,
          unitId,
          bankId,
          departmentId,
          note,
        } = request.body;
        const input = {
          role,
          displayName,
          regionCode,
          unitId: unitId ?? null,
          bankId: bankId ?? null,
          departmentId: departmentId ?? null,
          note: note ?? null,
        };
        assertNoProblems(userLinkProblems(input));
        const actor = actorOf(request);
        const current = await find(actor, request.params.id);
        if (current.username !== username)
          throw badRequest('username cannot change', { username: { code: 'cannot_change' } });
        if (current.version !== expected) throw staleVersion();
        // Separation of duties: nobody grants themselves another role.
        if (changesOwnRole(actor.id, current.id, current.role, role))
          throw forbidden('You cannot change your own role', 'cannot_change_own_role');
        // Nobody else knows a user's password: an admin issues a one-time reset code instead.
        if (password !== undefined)
          throw unprocessable(
            'password_not_settable',
            'An administrator cannot set a password; use reset-password',
            {
              password: { code: 'use_password_reset' },
            },
          );
        const result = await mutate(request, request.params.id, 'update', () => input);
        if (role !== current.role) await ctx.sessions.revokeAllFor(current.id);
        return result;
      },
    );

    // A one-time code, shown once in this answer, that only lets the user choose a new password.
    // The old password stops working, every session of the user ends; a second factor is untouched.
    app.post(
      '/:id/reset-password',
      { config: { permission: ['users', 'reset-password'] }, schema: { params: idParams } },
      async (request) => {
        const actor = actorOf(request);
        if (request.params.id === actor.id)
          throw unprocessable(
            'cannot_reset_own_password',
            'Change your own password with the current one instead',
          );
        const code = newResetCode();
        const [resetCodeHash, passwordHash] = await Promise.all([
          hashPassword(normaliseResetCode(code)),
          // Nobody knows this one: the old password is gone and only the code signs in.
          hashPassword(randomBytes(32).toString('base64url')),
        ]);
        const now = ctx.clock.now();
        const expiresAt = new Date(now.getTime() + ctx.config.resetCodeHours * 3_600_000);
        const user = await mutate(request, request.params.id, 'reset_password', () => ({
          passwordHash,
          resetCodeHash,
          resetCodeExpiresAt: expiresAt,
          passwordResetAt: now,
          passwordResetBy: actor.id,
        }));
        await ctx.sessions.revokeAllFor(request.params.id);
        return { user, code, expiresAt: expiresAt.toISOString() };
      },
    );

    app.post(
      '/:id/unlock',
      { config: { permission: ['users', 'unlock'] }, schema: { params: idParams } },
      async (request) =>
        mutate(request, request.params.id, 'unlock', () => ({ lockedUntil: null, failedAttempts: 0 })),
    );

    app.post(
      '/:id/lock',
      { config: { permission: ['users', 'lock'] }, schema: { params: idParams } },
      async (request) => {
        if (request.params.id === actorOf(request).id)
          throw unprocessable('cannot_lock_self', 'You cannot lock your own account');
        const result = await mutate(request, request.params.id, 'lock', () => ({
          lockedUntil: new Date('9999-12-31T00:00:00Z'),
        }));
        await ctx.sessions.revokeAllFor(request.params.id);
        return result;
      },
    );

    app.post(
      '/:id/deactivate',
      { config: { permission: ['users', 'deactivate'] }, schema: { params: idParams } },
      async (request) => {
        if (request.params.id === actorOf(request).id)
          throw unprocessable('cannot_deactivate_self', 'You cannot deactivate your own account');
        const result = await mutate(request, request.params.id, 'deactivate', (row) => {
          if (!row.active) throw conflict('already_inactive', 'The user is already deactivated');
          return { active: false };
        });
        await ctx.sessions.revokeAllFor(request.params.id);
        return result;
      },
    );

    app.post(
      '/:id/activate',
      { config: { permission: ['users', 'deactivate'] }, schema: { params: idParams } },
      async (request) =>
        mutate(request, request.params.id, 'reactivate', (row) => {
          if (row.active) throw conflict('already_active', 'The user is already active');
          return { active: true };
        }),
    );
  };
}
