import { and, eq, ilike, inArray, or } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TREASURY_READ_ONLY, treasuryInputSchema, version, withReadOnly } from '../../domain';
import { budgetLevelTexts, treasuryFieldTexts } from '../../domain/i18n';
import { type AppContext, actorOf } from '../context';
import { regions, treasuries } from '../db/schema';
import { badRequest, notFound, staleVersion, unprocessable } from '../http/errors';
import { registerExports } from '../http/export';
import { asIdList, asString, listQuerySchema } from '../http/list-query';
import { serveList } from '../http/resource-list';
import { regionScope } from '../http/scope';
import { labelledColumns, tableList, wordedCell } from '../http/table-list';
import { updateVersioned } from '../http/versioned';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const updateSchema = withReadOnly(treasuryInputSchema.extend({ version }), TREASURY_READ_ONLY);

type TreasuryRow = typeof treasuries.$inferSelect;
const treasuryExportColumns = labelledColumns<TreasuryRow, keyof typeof treasuryFieldTexts.en>(
  treasuryFieldTexts,
  [
    ['id', 'number'],
    ['code', 'id'],
    ['name', 'text'],
    ['regionCode', 'id'],
    ['level', 'text', wordedCell(budgetLevelTexts, (r) => r.level)],
    ['accountName', 'text'],
    ['accountNumber', 'id'],
    ['bankName', 'text'],
    ['createdAt', 'instant'],
    ['updatedAt', 'instant'],
  ],
);

// 国库 treasuries: one per region and budget level.
export function treasuryRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx.database;
  async function check(input: z.infer<typeof treasuryInputSchema>, exceptId?: number) {
    const [region] = await db.select().from(regions).where(eq(regions.code, input.regionCode));
    if (!region)
      throw badRequest('regionCode is not a known region', { regionCode: { code: 'unknown_region' } });
    const clash = await db
      .select()
      .from(treasuries)
      .where(
        or(
          eq(treasuries.code, input.code),
          and(eq(treasuries.regionCode, input.regionCode), eq(treasuries.level, input.level)),
        ),
      );
    const other = clash.find((c) => c.id !== exceptId);
    if (other)
      throw unprocessable(
        'duplicate_treasury',
        `Treasury ${other.code} already serves this code or region and level`,
        {
          code: { code: 'taken' },
        },
      );
  }
  const get = async (id: number) => {
    const [row] = await db.select().from(treasuries).where(eq(treasuries.id, id));
    if (!row) throw notFound('Treasury');
    return row;
  };

  const list = tableList(db, treasuries, 'treasuries', {
    spec: () => ({
      sortable: { id: treasuries.id, code: treasuries.code, regionCode: treasuries.regionCode },
      defaultSort: ['code', 'ASC'],
      idColumn: treasuries.id,
      filters: {
        id: (v) => inArray(treasuries.id, asIdList('id', v).map(Number)),
        q: (v) =>
          or(ilike(treasuries.name, `%${asString('q', v)}%`), ilike(treasuries.code, `${asString('q', v)}%`)),
        level: (v) =>
          inArray(
            treasuries.level,
            asIdList('level', v).map(String) as (typeof treasuries.$inferSelect.level)[],
          ),
      },
    }),
    scope: (actor) => regionScope(treasuries.regionCode, actor.regionCode),
    present: (r) => r,
  });
  return async (app) => {
    registerExports(app, ctx, {
      list,
      columns: treasuryExportColumns,
      permission: ['treasuries', 'list'],
      name: 'treasuries',
    });

    app.get(
      '/',
      { config: { permission: ['treasuries', 'list'] }, schema: { querystring: listQuerySchema } },
      async (request, reply) => serveList(list, actorOf(request), request.query, reply),
    );

    app.get(
      '/:id',
      { config: { permission: ['treasuries', 'show'] }, schema: { params: idParams } },
      (request) => get(request.params.id),
    );

    app.post(
      '/',
      { config: { permission: ['treasuries', 'create'] }, schema: { body: treasuryInputSchema } },
      async (request, reply) => {
        const actor = actorOf(request);
        await check(request.body);
        const row = await db.transaction(async (tx) => {
          const [created] = await tx.insert(treasuries).values(request.body).returning();
          await ctx.audit.record(tx, {
            actor,
            action: 'create',
            resource: 'treasuries',
            recordId: created.id,
            after: created,
            ip: request.ip,
          });
          return created;
        });
        reply.code(201);
        return row;
      },
    );

    app.put(
      '/:id',
      { config: { permission: ['treasuries', 'edit'] }, schema: { params: idParams, body: updateSchema } },
      async (request) => {
        const actor = actorOf(request);
        const { id } = request.params;
        const {
          version: expected,
          code,
          name,
          regionCode,
          level,
          accountName,
          accountNumber,
          bankName,
        } = request.body;
        const input = { code, name, regionCode, level, accountName, accountNumber, bankName };
        const before = await get(id);
        if (before.version !== expected) throw staleVersion();
        await check(input, id);
        return db.transaction(async (tx) => {
          const after = await updateVersioned(
            tx,
            treasuries,
            eq(treasuries.id, id),
            expected,
            { ...input },
            ctx.clock.now(),
          );
          await ctx.audit.record(tx, {
            actor,
            action: 'update',
            resource: 'treasuries',
            recordId: id,
            before,
            after,
            ip: request.ip,
          });
          return after;
        });
      },
    );
  };
}
