import { and, eq, ilike, inArray, or } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { USER_READ_ONLY, userInputSchema, userLinkProblems, version, withReadOnly } from '../../domain';
import { roleTexts, userFieldTexts, yesNoTexts } from '../../domain/i18n';
import type { Actor } from '../../domain/roles';
import { hashPassword } from '../auth/passwords';
import { type AppContext, actorOf } from '../context';
import { users } from '../db/schema';
import {
  assertNoProblems,
  badRequest,
  conflict,
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

type UserRow = Omit<typeof users.$inferSelect, 'passwordHash'> & { locked: boolean };
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
  const present = ({ passwordHash: _, ...u }: typeof users.$inferSelect) => ({
    ...u,
    locked: !!u.lockedUntil && u.lockedUntil > ctx.clock.now(),
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
        const current = await find(actorOf(request), request.params.id);
        if (current.username !== username)
          throw badRequest('username cannot change', { username: { code: 'cannot_change' } });
        if (current.version !== expected) throw staleVersion();
        const passwordHash = password ? await hashPassword(password) : undefined;
        const result = await mutate(request, request.params.id, 'update', () => ({
          ...input,
          ...(passwordHash ? { passwordHash } : {}),
        }));
        if (passwordHash || role !== current.role) await ctx.sessions.revokeAllFor(current.id);
        return result;
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
