import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { monthString } from '../../domain';
import { type AppContext, actorOf } from '../context';
import { badRequest } from '../http/errors';
import { sendFixedRows } from '../http/export';
import { channelStats, monthlyExportRows, monthlyStatement, monthlyStatementColumns } from './monthly';

const monthQuery = z.object({ month: monthString });
const exportQuery = monthQuery.extend({ locale: z.enum(['zh-CN', 'en']).default('zh-CN') });
const rangeQuery = z.object({ from: monthString, to: monthString });
/** Three years of months at most in one chart. */
const MAX_MONTHS = 36;

/** 月报表 and per-channel statistics, in the collections' scope. */
export function reportRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx.database;
  return async (app) => {
    app.get(
      '/monthly-statement',
      { config: { permission: ['reports', 'show'] }, schema: { querystring: monthQuery } },
      async (request) => monthlyStatement(db, actorOf(request), request.query.month),
    );

    for (const format of ['csv', 'xlsx'] as const)
      app.get(
        `/monthly-statement.${format}`,
        { config: { permission: ['reports', 'export'] }, schema: { querystring: exportQuery } },
        async (request, reply) => {
          const { month, locale } = request.query;
          const statement = await monthlyStatement(db, actorOf(request), month);
          return sendFixedRows(reply, request, ctx, {
            name: `monthly-statement-${month}`,
            resource: 'reports',
            columns: monthlyStatementColumns,
            rows: monthlyExportRows(statement),
            format,
            locale,
            about: { report: 'monthly-statement', month },
          });
        },
      );

    app.get(
      '/channel-stats',
      { config: { permission: ['channel-stats', 'show'] }, schema: { querystring: rangeQuery } },
      async (request) => {
        const { from, to } = request.query;
        const [fy, fm] = from.split('-').map(Number);
        const [ty, tm] = to.split('-').map(Number);
        const months = (ty - fy) * 12 + (tm - fm) + 1;
        if (months < 1) throw badRequest('to: month_order', { to: { code: 'month_order' } });
        if (months > MAX_MONTHS)
          throw badRequest('to: too_many_months', {
            to: { code: 'too_many_months', params: { max: MAX_MONTHS } },
          });
        return channelStats(db, actorOf(request), from, to);
      },
    );
  };
}
