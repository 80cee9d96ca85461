import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Action, Resource } from '../../domain/permissions';
import type { Actor } from '../../domain/roles';
import { type AppContext, actorOf } from '../context';
import { badRequest } from './errors';
import { type ExportColumn, exportQuerySchema, sendExport } from './export';
import { maskPiiFilter } from './log-redact';

interface RowExportDef<Row> {
  resource: Resource;
  /**
   * The view's own filters with their rules (the sign-off table's month); without them the view
   * takes no filter at all.
   */
  filters?: Record<string, z.ZodType>;
  /** Exactly the rows the list answers this caller for these (validated) filter values. */
  rows(actor: Actor, filter: Record<string, unknown>): Promise<Row[]>;
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
        const values: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(parsed)) {
          const rule = def.filters?.[key];
          if (!rule)
            throw badRequest(`Unknown filter "${key}"`, {
              [`filter.${key}`]: { code: 'not_a_known_filter' },
            });
          const checked = rule.safeParse(value);
          if (!checked.success)
            throw badRequest(`Filter "${key}" has an invalid value`, {
              [`filter.${key}`]: { code: 'invalid' },
            });
          values[key] = checked.data;
        }
        const rows = await def.rows(actor, values);
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
              after: {
                format,
                filter: JSON.stringify(maskPiiFilter(values)),
                rows: n,
                ...(interrupted ? { interrupted } : {}),
              },
              ip: request.ip,
            }),
        });
      },
    );
  }
}
