import { and, count, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ADMIN_AUDIT_RESOURCES, addCalendarDays, shanghaiMidnight } from '../../domain';
import { isIsoDate } from '../../domain/dates';
import {
  auditActionTexts,
  auditActorTexts,
  auditEventFieldTexts,
  auditResourceTexts,
  fill,
  type Lang,
  roleTexts,
  type Texts,
} from '../../domain/i18n';
import { type AppContext, actorOf } from '../context';
import type { Db } from '../db/client';
import { auditEvents } from '../db/schema';
import { badRequest, notFound } from '../http/errors';
import { type ExportColumn, registerExports } from '../http/export';
import { exportColumns } from '../http/export-labels';
import { asIdList, asString, type FilterValue, listQuerySchema } from '../http/list-query';
import { type ResourceList, serveList } from '../http/resource-list';
import { verifyChain } from './log';

const date = (key: string, v: FilterValue) => {
  const s = asString(key, v);
  if (!isIsoDate(s))
    throw badRequest(`Filter "${key}" must be a date YYYY-MM-DD`, {
      [`filter.${key}`]: { code: 'date_format' },
    });
  return s;
};

/** Admins see authentication and user-management events only; auditors see everything. */
const scopeFor = (role: string): SQL | undefined =>
  role === 'admin' ? inArray(auditEvents.resource, [...ADMIN_AUDIT_RESOURCES]) : undefined;

type AuditRow = typeof auditEvents.$inferSelect;

/** The audit log and its exports. */
function auditList(db: Db): ResourceList<AuditRow> {
  return {
    resource: 'audit-events',
    spec: () => ({
      // 时间 sorts by the time itself (the export pages on the sort key's value); ties by id.
      sortable: { id: auditEvents.id, at: auditEvents.at },
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
    }),
    scope: (actor) => scopeFor(actor.role),
    page: (where, p) =>
      db
        .select()
        .from(auditEvents)
        .where(where)
        .orderBy(...p.orderBy)
        .limit(p.limit)
        .offset(p.offset),
    count: async (where) => (await db.select({ n: count() }).from(auditEvents).where(where))[0].n,
  };
}

const worded =
  <C extends string>(texts: Texts<C>) =>
  (v: string | null, lang: Lang) =>
    v === null ? null : (texts[lang][v as C] ?? v);
const actorWord = (name: string | null, lang: Lang) => {
  if (!name) return null;
  if (name === 'system' || name === 'machine') return auditActorTexts[lang][name];
  if (name.startsWith('key:')) return fill(auditActorTexts[lang].key, { keyId: name.slice(4) });
  return name;
};
/** A payload as the show page has it: JSON text, masked when it was written (`auditPayload`). */
const payload = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

const ac = exportColumns<AuditRow, keyof (typeof auditEventFieldTexts)['en']>(auditEventFieldTexts);
const auditExportColumns: ExportColumn<AuditRow>[] = [
  ac.col('id', 'number'),
  ac.col('at', 'instant'),
  ac.col('actorId', 'id'),
  { ...ac.col('actorUsername', 'text'), value: (r, lang) => actorWord(r.actorUsername, lang) },
  { ...ac.col('actorRole', 'text'), value: (r, lang) => worded(roleTexts)(r.actorRole, lang) },
  { ...ac.col('action', 'text'), value: (r, lang) => worded(auditActionTexts)(r.action, lang) },
  { ...ac.col('resource', 'text'), value: (r, lang) => worded(auditResourceTexts)(r.resource, lang) },
  ac.col('recordId', 'id'),
  { ...ac.col('before', 'text'), value: (r) => payload(r.before) },
  { ...ac.col('after', 'text'), value: (r) => payload(r.after) },
  ac.col('ip', 'id'),
  ac.col('prevHash', 'id'),
  ac.col('hash', 'id'),
];

export function auditRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx.database;
  const list = auditList(db);

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

    registerExports(app, ctx, {
      list,
      columns: auditExportColumns,
      permission: ['audit-events', 'list'],
      name: 'audit-events',
    });

    app.get(
      '/',
      { config: { permission: ['audit-events', 'list'] }, schema: { querystring: listQuerySchema } },
      async (request, reply) => serveList(list, actorOf(request), request.query, reply),
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
