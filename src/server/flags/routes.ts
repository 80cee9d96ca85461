import { and, count, eq, inArray } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bulkReviewSchema, FLAG_TYPES, type FlagType, stateRefusal } from '../../domain';
import { type AppContext, actorOf } from '../context';
import { decisions, paidStatusFlags } from '../db/schema';
import { asIdList, asString, contentRange, listQuerySchema, parseList } from '../http/list-query';
import { flagScope } from './scope';

/** Police HQ's inbox of paid-status anomalies. */
export function flagRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx.database;
  // Orphan collections have no region yet; provincial reviewers see them.
  return async (app) => {
    app.get(
      '/',
      { config: { permission: ['paid-status-flags', 'list'] }, schema: { querystring: listQuerySchema } },
      async (request, reply) => {
        const actor = actorOf(request);
        const parsed = parseList(request.query, {
          sortable: { id: paidStatusFlags.id, createdAt: paidStatusFlags.id, type: paidStatusFlags.type },
          defaultSort: ['id', 'DESC'],
          idColumn: paidStatusFlags.id,
          filters: {
            id: (v) => inArray(paidStatusFlags.id, asIdList('id', v).map(Number)),
            type: (v) => inArray(paidStatusFlags.type, asIdList('type', v).map(String) as FlagType[]),
            state: (v) => eq(paidStatusFlags.state, asString('state', v) as 'open' | 'reviewed'),
            decisionId: (v) => eq(paidStatusFlags.decisionId, Number(v)),
          },
        });
        const where = and(flagScope(actor.regionCode), parsed.where);
        const [rows, [{ total }]] = await Promise.all([
          db
            .select({ flag: paidStatusFlags, decisionNumber: decisions.decisionNumber })
            .from(paidStatusFlags)
            .leftJoin(decisions, eq(decisions.id, paidStatusFlags.decisionId))
            .where(where)
            .orderBy(...parsed.orderBy)
            .limit(parsed.limit)
            .offset(parsed.offset),
          db.select({ total: count() }).from(paidStatusFlags).where(where),
        ]);
        reply.header('Content-Range', contentRange('paid-status-flags', parsed.offset, rows.length, total));
        return rows.map((r) => ({ ...r.flag, decisionNumber: r.decisionNumber }));
      },
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
