import { eq, ilike, inArray, or } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requiredText, version, withReadOnly } from '../../domain';
import { regionFieldTexts, regionLevelTexts } from '../../domain/i18n';
import { type AppContext, actorOf } from '../context';
import { regions } from '../db/schema';
import { badRequest, notFound, unprocessable } from '../http/errors';
import { registerExports } from '../http/export';
import { asIdList, asString, listQuerySchema } from '../http/list-query';
import { serveList } from '../http/resource-list';
import { regionScope } from '../http/scope';
import { labelledColumns, tableList, wordedCell } from '../http/table-list';
import { updateVersioned } from '../http/versioned';

const params = z.object({ id: z.string().regex(/^\d{2,6}$/) });
const regionInput = z.strictObject({
  code: z.string().regex(/^(\d{2}|\d{4}|\d{6})$/, { message: 'must be 2, 4 or 6 digits' }),
  name: requiredText(64),
  nameEn: requiredText(64),
});
const LEVELS = { 2: 'province', 4: 'city', 6: 'county' } as const;
const regionUpdate = withReadOnly(regionInput.omit({ code: true }).extend({ version }), [
  'id',
  'code',
  'level',
  'parentCode',
  'createdAt',
  'updatedAt',
]);

type RegionRow = typeof regions.$inferSelect & { id: string };
const regionExportColumns = labelledColumns<RegionRow, keyof typeof regionFieldTexts.en>(regionFieldTexts, [
  ['code', 'id'],
  ['name', 'text'],
  ['nameEn', 'text'],
  ['level', 'text', wordedCell(regionLevelTexts, (r) => r.level)],
  ['parentCode', 'id'],
  ['createdAt', 'instant'],
  ['updatedAt', 'instant'],
]);

/** Regions are keyed by code; react-admin needs an `id`, which is the code. */
export function regionRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx.database;
  const present = (r: typeof regions.$inferSelect) => ({ id: r.code, ...r });
  const list = tableList(db, regions, 'regions', {
    spec: () => ({
      sortable: { id: regions.code, code: regions.code, name: regions.name, level: regions.level },
      defaultSort: ['code', 'ASC'],
      idColumn: regions.code,
      filters: {
        id: (v) => inArray(regions.code, asIdList('id', v).map(String)),
        q: (v) =>
          or(ilike(regions.name, `%${asString('q', v)}%`), ilike(regions.code, `${asString('q', v)}%`)),
        level: (v) =>
          inArray(regions.level, asIdList('level', v).map(String) as (typeof regions.$inferSelect.level)[]),
        parentCode: (v) => eq(regions.parentCode, asString('parentCode', v)),
      },
    }),
    scope: (actor) => regionScope(regions.code, actor.regionCode),
    present,
  });
  return async (app) => {
    registerExports(app, ctx, {
      list,
      columns: regionExportColumns,
      permission: ['regions', 'list'],
      name: 'regions',
    });

    app.get(
      '/',
      { config: { permission: ['regions', 'list'] }, schema: { querystring: listQuerySchema } },
      async (request, reply) => serveList(list, actorOf(request), request.query, reply),
    );

    app.get('/:id', { config: { permission: ['regions', 'show'] }, schema: { params } }, async (request) => {
      const [row] = await db.select().from(regions).where(eq(regions.code, request.params.id));
      if (!row) throw notFound('Region');
      return present(row);
    });

    app.post(
      '/',
      { config: { permission: ['regions', 'create'] }, schema: { body: regionInput } },
      async (request, reply) => {
        const actor = actorOf(request);
        const { code } = request.body;
        const level = LEVELS[code.length as 2 | 4 | 6];
        const parentCode = code.length > 2 ? code.slice(0, code.length - 2) : null;
        if (parentCode) {
          const [parent] = await db.select().from(regions).where(eq(regions.code, parentCode));
          if (!parent)
            throw badRequest(`The parent region ${parentCode} does not exist`, {
              code: { code: 'unknown_region' },
            });
        }
        const [clash] = await db.select().from(regions).where(eq(regions.code, code));
        if (clash)
          throw unprocessable('duplicate_region', `Region ${code} already exists`, {
            code: { code: 'taken' },
          });
        const row = await db.transaction(async (tx) => {
          const [created] = await tx
            .insert(regions)
            .values({ ...request.body, level, parentCode })
            .returning();
          await ctx.audit.record(tx, {
            actor,
            action: 'create',
            resource: 'regions',
            recordId: code,
            after: created,
            ip: request.ip,
          });
          return created;
        });
        reply.code(201);
        return present(row);
      },
    );

    app.put(
      '/:id',
      { config: { permission: ['regions', 'edit'] }, schema: { params, body: regionUpdate } },
      async (request) => {
        const actor = actorOf(request);
        const { name, nameEn, version: expected } = request.body;
        const row = await db.transaction(async (tx) => {
          const [before] = await tx.select().from(regions).where(eq(regions.code, request.params.id));
          if (!before) throw notFound('Region');
          const after = await updateVersioned(
            tx,
            regions,
            eq(regions.code, request.params.id),
            expected,
            { name, nameEn },
            ctx.clock.now(),
          );
          await ctx.audit.record(tx, {
            actor,
            action: 'update',
            resource: 'regions',
            recordId: before.code,
            before,
            after,
            ip: request.ip,
          });
          return after;
        });
        return present(row);
      },
    );
  };
}
