import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Action, Resource } from '../../domain/permissions';
import type { Actor } from '../../domain/roles';
import { type AppContext, actorOf } from '../context';
import { badRequest } from './errors';
import { type ExportColumn, exportQuerySchema, sendExport } from './export';

interface RowExportDef<Row> {
  resource: Resource;
  /** Exactly the rows the list answers this caller (a computed view: it has no filters of its own). */
  rows(actor: Actor): Promise<Row[]>;
  columns: ExportColumn<Row>[];
  permission: [Resource, Action];
  name: string;
}

/**
 * `/export.csv` and `/export.xlsx` for a list computed per caller rather than read from one table
 * (receipt findings): the same rows as its list, the same cell rules, headers and audit event as
 * `registerExports`. Such a view is small (a few rows per unit), so it is computed, then written.
 */
export function registerRowExports<Row>(app: FastifyInstance, ctx: AppContext, def: RowExportDef<Row>) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  for (const format of ['csv', 'xlsx'] as const) {
    typed.get(
      `/export.${format}`,
      { config: { permission: def.permission }, schema: { querystring: exportQuerySchema } },
      async (request, reply) => {
        const actor = actorOf(request);
        const { locale, filter } = request.query;
        let parsed: unknown = {};
        try {
          parsed = filter ? JSON.parse(filter) : {};
        } catch {
          throw badRequest('Query parameter "filter" is not valid JSON', { filter: { code: 'not_json' } });
        }
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
          throw badRequest('filter must be a JSON object', { filter: { code: 'invalid_type' } });
        for (const key of Object.keys(parsed))
          throw badRequest(`Unknown filter "${key}"`, { [`filter.${key}`]: { code: 'not_a_known_filter' } });
        const rows = await def.rows(actor);
        return sendExport(reply, {
          format,
          stem: `${def.name}-${ctx.clock.today()}`,
          columns: def.columns,
          lang: locale,
          async *pages() {
            if (rows.length) yield rows;
          },
          onError: (err) => request.log.error({ err }, 'export failed'),
          audit: (n, interrupted) =>
            ctx.audit.recordNow(ctx.database.db, {
              actor,
              action: 'export',
              resource: def.resource,
              after: { format, filter: '{}', rows: n, ...(interrupted ? { interrupted } : {}) },
              ip: request.ip,
            }),
        });
      },
    );
  }
}
