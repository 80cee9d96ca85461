import { and, count, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ADMIN_AUDIT_RESOURCES, addCalendarDays, shanghaiMidnight } from '../../domain';
import { isIsoDate } from '../../domain/dates';
import { type AppContext, actorOf } from '../context';
import { auditEvents } from '../db/schema';
import { badRequest, notFound } from '../http/errors';
import {
  asIdList,
  asString,
  contentRange,
  type FilterValue,
  listQuerySchema,
  parseList,
} from '../http/list-query';
import { verifyChain } from './log';

const date = (key: string, v: FilterValue) => {
  const s = asString(key, v);
  if (!isIsoDate(s))
    throw badRequest(`Filter "${key}" must be a date YYYY-MM-DD`, {
      [`filter.${key}`]: { code: 'date_format' },
    });
  return s;
};

export function auditRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx.database;
  /** Admins see authentication and user-management events only; auditors see everything. */
  const scopeFor = (role: string): SQL | undefined =>
    role === 'admin' ? inArray(auditEvents.resource, [...ADMIN_AUDIT_RESOURCES]) : undefined;

  return async (app) => {
    app.get('/verify', { config: { permission: ['audit-events', 'verify'] } }, async () => verifyChain(db));

    // The codes the log holds, so the list's filters offer every action and resource by name.
    app.get('/codes', { config: { permission: ['audit-events', 'list'] } }, async (request) => {
      const scope = scopeFor(actorOf(request).role);
      const [actions, resources] = await Promise.all([
        db.selectDistinct({ v: auditEvents.action }).from(auditEvents).where(scope),
        db.selectDistinct({ v: auditEvents.resource }).from(auditEvents).where(scope),
      ]);
      return {
        actions: actions.map((r) => r.v).sort(),
        resources: resources.map((r) => r.v).sort(),
      };
    });

    app.get(
      '/',
      { config: { permission: ['audit-events', 'list'] }, schema: { querystring: listQuerySchema } },
      async (request, reply) => {
        const actor = actorOf(request);
        const parsed = parseList(request.query, {
          sortable: { id: auditEvents.id, at: auditEvents.id },
          defaultSort: ['id', 'DESC'],
          idColumn: auditEvents.id,
          maxPageSize: 500,
          filters: {
            id: (v) => inArray(auditEvents.id, asIdList('id', v).map(Number)),
            actorUsername: (v) => eq(auditEvents.actorUsername, asString('actorUsername', v)),
            actorId: (v) => eq(auditEvents.actorId, Number(asString('actorId', String(v)))),
            action: (v) => inArray(auditEvents.action, asIdList('action', v).map(String)),
            resource: (v) => inArray(auditEvents.resource, asIdList('resource', v).map(String)),
            recordId: (v) => eq(auditEvents.recordId, String(v)),
            // Business dates: a day runs from Shanghai midnight to the next.
            at_gte: (v) => gte(auditEvents.at, shanghaiMidnight(date('at_gte', v))),
            at_lte: (v) => lt(auditEvents.at, shanghaiMidnight(addCalendarDays(date('at_lte', v), 1))),
          },
        });
        const where = and(scopeFor(actor.role), parsed.where);
        const [rows, [{ total }]] = await Promise.all([
          db
            .select()
            .from(auditEvents)
            .where(where)
            .orderBy(...parsed.orderBy)
            .limit(parsed.limit)
            .offset(parsed.offset),
          db.select({ total: count() }).from(auditEvents).where(where),
        ]);
        reply.header('Content-Range', contentRange('audit-events', parsed.offset, rows.length, total));
        return rows;
      },
    );

    app.get(
      '/:id',
      {
        config: { permission: ['audit-events', 'show'] },
        schema: { params: z.object({ id: z.coerce.number().int().positive() }) },
      },
      async (request) => {
        const [row] = await db
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.id, request.params.id), scopeFor(actorOf(request).role)));
        if (!row) throw notFound('Audit event');
        return row;
      },
    );
  };
}
