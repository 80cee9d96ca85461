import { and, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UNIT_READ_ONLY, unitInputSchema, unitProblems, version, withReadOnly } from '../../domain';
import { unitFieldTexts, unitKindTexts } from '../../domain/i18n';
import type { Actor } from '../../domain/roles';
import type { Tx } from '../audit/log';
import { type AppContext, actorOf } from '../context';
import { billingCodes, departments, regions, unitBillingCodes, units } from '../db/schema';
import { assertNoProblems, badRequest, notFound, staleVersion, unprocessable } from '../http/errors';
import { registerExports } from '../http/export';
import { asIdList, asString, listQuerySchema } from '../http/list-query';
import { serveList } from '../http/resource-list';
import { regionScope } from '../http/scope';
import { labelledColumns, tableList, wordedCell } from '../http/table-list';
import { updateVersioned } from '../http/versioned';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const updateSchema = withReadOnly(unitInputSchema.extend({ version }), UNIT_READ_ONLY);

/** A unit user sees its unit, a department user the units it supervises, others their region. */
export function unitScope(actor: Actor): SQL | undefined {
  return and(
    regionScope(units.regionCode, actor.regionCode),
    actor.role === 'unit' ? eq(units.id, actor.unitId ?? 0) : undefined,
    actor.role === 'dept' ? eq(units.departmentId, actor.departmentId ?? 0) : undefined,
  );
}

type UnitRow = typeof units.$inferSelect;
const unitExportColumns = labelledColumns<UnitRow, keyof typeof unitFieldTexts.en>(unitFieldTexts, [
  ['id', 'number'],
  ['code', 'id'],
  ['name', 'text'],
  ['nameEn', 'text'],
  ['kind', 'text', wordedCell(unitKindTexts, (r) => r.kind)],
  ['regionCode', 'id'],
  ['departmentId', 'number'],
  ['createdAt', 'instant'],
  ['updatedAt', 'instant'],
]);

// 执罚单位 enforcement units, with their supervising department and the billing codes they may use.
export function unitRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx.database;
  const get = async (actor: Actor, id: number) => {
    const [row] = await db
      .select()
      .from(units)
      .where(and(eq(units.id, id), unitScope(actor)));
    if (!row) throw notFound('Unit');
    const codes = await db
      .select({ id: unitBillingCodes.billingCodeId })
      .from(unitBillingCodes)
      .where(eq(unitBillingCodes.unitId, id));
    return { ...row, billingCodeIds: codes.map((c) => c.id) };
  };
  async function check(input: z.infer<typeof unitInputSchema>, exceptId?: number) {
    assertNoProblems(unitProblems(input));
    const [region] = await db.select().from(regions).where(eq(regions.code, input.regionCode));
    if (!region)
      throw badRequest('regionCode is not a known region', { regionCode: { code: 'unknown_region' } });
    if (input.departmentId) {
      const [dept] = await db.select().from(departments).where(eq(departments.id, input.departmentId));
      if (!dept)
        throw badRequest('departmentId is not a known department', {
          departmentId: { code: 'unknown_reference' },
        });
    }
    if (input.billingCodeIds.length) {
      const found = await db
        .select({ id: billingCodes.id })
        .from(billingCodes)
        .where(inArray(billingCodes.id, input.billingCodeIds));
      if (found.length !== new Set(input.billingCodeIds).size)
        throw badRequest('billingCodeIds contains an unknown billing code', {
          billingCodeIds: { code: 'unknown_reference' },
        });
    }
    const [clash] = await db.select().from(units).where(eq(units.code, input.code));
    if (clash && clash.id !== exceptId)
      throw unprocessable('duplicate_code', `Unit code ${input.code} is already used`, {
        code: { code: 'taken' },
      });
  }
  async function setCodes(tx: Tx, unitId: number, ids: number[]) {
    await tx.delete(unitBillingCodes).where(eq(unitBillingCodes.unitId, unitId));
    if (ids.length)
      await tx
        .insert(unitBillingCodes)
        .values([...new Set(ids)].map((billingCodeId) => ({ unitId, billingCodeId })));
  }

  const list = tableList(db, units, 'units', {
    spec: () => ({
      sortable: {
        id: units.id,
        name: units.name,
        code: units.code,
        regionCode: units.regionCode,
        kind: units.kind,
      },
      defaultSort: ['code', 'ASC'],
      idColumn: units.id,
      filters: {
        id: (v) => inArray(units.id, asIdList('id', v).map(Number)),
        q: (v) => or(ilike(units.name, `%${asString('q', v)}%`), ilike(units.code, `%${asString('q', v)}%`)),
        kind: (v) =>
          inArray(units.kind, asIdList('kind', v).map(String) as (typeof units.$inferSelect.kind)[]),
        departmentId: (v) => eq(units.departmentId, Number(v)),
      },
    }),
    scope: unitScope,
    present: (r) => r,
  });
  return async (app) => {
    registerExports(app, ctx, {
      list,
      columns: unitExportColumns,
      permission: ['units', 'list'],
      name: 'units',
    });

    app.get(
      '/',
      { config: { permission: ['units', 'list'] }, schema: { querystring: listQuerySchema } },
      async (request, reply) => serveList(list, actorOf(request), request.query, reply),
    );

    app.get('/:id', { config: { permission: ['units', 'show'] }, schema: { params: idParams } }, (request) =>
      get(actorOf(request), request.params.id),
    );

    app.post(
      '/',
      { config: { permission: ['units', 'create'] }, schema: { body: unitInputSchema } },
      async (request, reply) => {
        const actor = actorOf(request);
        const { billingCodeIds, ...input } = request.body;
        await check(request.body);
        const id = await db.transaction(async (tx) => {
          const [row] = await tx
            .insert(units)
            .values({ ...input, departmentId: input.departmentId ?? null })
            .returning();
          await setCodes(tx, row.id, billingCodeIds);
          await ctx.audit.record(tx, {
            actor,
            action: 'create',
            resource: 'units',
            recordId: row.id,
            after: { ...row, billingCodeIds: billingCodeIds.join(',') },
            ip: request.ip,
          });
          return row.id;
        });
        reply.code(201);
        return get(actor, id);
      },
    );

    app.put(
      '/:id',
      { config: { permission: ['units', 'edit'] }, schema: { params: idParams, body: updateSchema } },
      async (request) => {
        const actor = actorOf(request);
        const { id } = request.params;
        const {
          version: expected,
          code,
          name,
          nameEn,
          kind,
          regionCode,
          departmentId,
          billingCodeIds,
        } = request.body;
        const input = {
          code,
          name,
          nameEn,
          kind,
          regionCode,
          departmentId: departmentId ?? null,
          billingCodeIds,
        };
        const before = await get(actor, id);
        if (before.version !== expected) throw staleVersion();
        await check(input, id);
        await db.transaction(async (tx) => {
          const { billingCodeIds: codes, ...columns } = input;
          const after = await updateVersioned(
            tx,
            units,
            eq(units.id, id),
            expected,
            { ...columns },
            ctx.clock.now(),
          );
          await setCodes(tx, id, codes);
          await ctx.audit.record(tx, {
            actor,
            action: 'update',
            resource: 'units',
            recordId: id,
            before: { ...before, billingCodeIds: before.billingCodeIds.join(',') },
            after: { ...after, billingCodeIds: codes.join(',') },
            ip: request.ip,
          });
        });
        return get(actor, id);
      },
    );
  };
}
