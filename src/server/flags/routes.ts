import { and, count, eq, inArray } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bulkReviewSchema, FLAG_TYPES, type FlagType, stateRefusal } from '../../domain';
import { flagFieldTexts, flagStateTexts, flagTypeTexts, format } from '../../domain/i18n';
import { type AppContext, actorOf } from '../context';
import type { Db } from '../db/client';
import { decisions, paidStatusFlags } from '../db/schema';
import { type ExportColumn, registerExports } from '../http/export';
import { exportColumns } from '../http/export-labels';
import { asIdList, asString, listQuerySchema } from '../http/list-query';
import { type ResourceList, serveList } from '../http/resource-list';
import { flagScope } from './scope';

type FlagRow = typeof paidStatusFlags.$inferSelect & { decisionNumber: string | null };

/** The flag list and its exports, in the reader's region (orphans for provincial readers). */
function flagList(db: Db): ResourceList<FlagRow> {
  return {
    resource: 'paid-status-flags',
    spec: () => ({
      // 发现时间 sorts by the time itself (the export pages on the sort key's value).
      sortable: { id: paidStatusFlags.id, createdAt: paidStatusFlags.createdAt, type: paidStatusFlags.type },
      defaultSort: ['id', 'DESC'],
      idColumn: paidStatusFlags.id,
      filters: {
        id: (v) => inArray(paidStatusFlags.id, asIdList('id', v).map(Number)),
        type: (v) => inArray(paidStatusFlags.type, asIdList('type', v).map(String) as FlagType[]),
        state: (v) => eq(paidStatusFlags.state, asString('state', v) as 'open' | 'reviewed'),
        decisionId: (v) => eq(paidStatusFlags.decisionId, Number(v)),
      },
    }),
    scope: (actor) => flagScope(actor.regionCode),
    page: async (where, p) =>
      (
        await db
          .select({ flag: paidStatusFlags, decisionNumber: decisions.decisionNumber })
          .from(paidStatusFlags)
          .leftJoin(decisions, eq(decisions.id, paidStatusFlags.decisionId))
          .where(where)
          .orderBy(...p.orderBy)
          .limit(p.limit)
          .offset(p.offset)
      ).map((r) => ({ ...r.flag, decisionNumber: r.decisionNumber })),
    count: async (where) => (await db.select({ n: count() }).from(paidStatusFlags).where(where))[0].n,
  };
}

const fc = exportColumns<FlagRow, keyof (typeof flagFieldTexts)['en']>(flagFieldTexts);
/** Every field of the list record; the detail in words, as the screen shows it. */
const flagExportColumns: ExportColumn<FlagRow>[] = [
  fc.col('id', 'number'),
  fc.word('type', flagTypeTexts),
  fc.word('state', flagStateTexts),
  fc.col('decisionNumber', 'id'),
  fc.col('collectionId', 'id'),
  fc.col('regionCode', 'id'),
  {
    key: 'detail',
    kind: 'text',
    label: fc.label('detail'),
    value: (r, lang) => (r.detail ? format('flagDetails', r.detail, lang) : null),
  },
  fc.col('createdAt', 'instant'),
  fc.col('reviewNote', 'text'),
  fc.col('reviewedAt', 'instant'),
];

/** Police HQ's inbox of paid-status anomalies. */
export function flagRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx.database;
  const list = flagList(db);
  // Orphan collections have no region yet; provincial reviewers see them.
  return async (app) => {
    registerExports(app, ctx, {
      list,
      columns: flagExportColumns,
      permission: ['paid-status-flags', 'list'],
      name: 'paid-status-flags',
    });

    app.get(
      '/',
      { config: { permission: ['paid-status-flags', 'list'] }, schema: { querystring: listQuerySchema } },
      async (request, reply) => serveList(list, actorOf(request), request.query, reply),
    );

    app.get('/counts', { config: { permission: ['paid-status-flags', 'list'] } }, async (request) => {
      const rows = await db
        .select({ type: paidStatusFlags.type, n: count() })
        .from(paidStatusFlags)
        .where(and(flagScope(actorOf(request).regionCode), eq(paidStatusFlags.state, 'open')))
        .groupBy(paidStatusFlags.type);
      return Object.fromEntries(FLAG_TYPES.map((t) => [t, rows.find((r) => r.type === t)?.n ?? 0]));
    });

    app.post(
      '/bulk/review',
      { config: { permission: ['paid-status-flags', 'review'] }, schema: { body: bulkReviewSchema } },
      async (request) => {
        const actor = actorOf(request);
        const { ids, note } = request.body;
        return db.transaction(async (tx) => {
          const found = await tx
            .select()
            .from(paidStatusFlags)
            .where(and(inArray(paidStatusFlags.id, ids), flagScope(actor.regionCode)))
            .for('update');
          const results = ids.map((id) => {
            const f = found.find((x) => x.id === id);
            if (!f) return { id, status: 404, code: 'not_found' };
            if (stateRefusal(actor, 'review', 'paid-status-flags', f))
              return { id, status: 409, code: 'already_reviewed' };
            return { id, status: 200 };
          });
          const ok = results.filter((r) => r.status === 200).map((r) => r.id);
          if (ok.length) {
            await tx
              .update(paidStatusFlags)
              .set({ state: 'reviewed', reviewNote: note, reviewedBy: actor.id, reviewedAt: ctx.clock.now() })
              .where(inArray(paidStatusFlags.id, ok));
            await ctx.audit.record(tx, {
              actor,
              action: 'review',
              resource: 'paid-status-flags',
              recordId: ok.join(','),
              after: { note, count: ok.length },
              ip: request.ip,
            });
          }
          return { results };
        });
      },
    );
  };
}
