import { and, count, eq, gte, ilike, inArray, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  BILLING_CODE_READ_ONLY,
  type BillingCodeInput,
  billingCodeInputSchema,
  billingCodeProblems,
  calendarImportSchema,
  issueRowErrors,
  periodsOverlap,
  type RowError,
  reasonSchema,
  rowError,
  version,
  withReadOnly,
} from '../../domain';
import { billingCodeFieldTexts, billingCodeStatusTexts, budgetLevelTexts } from '../../domain/i18n';
import { type AppContext, actorOf } from '../context';
import { billingCodes, budgetSubjects } from '../db/schema';
import {
  assertNoProblems,
  badRequest,
  conflict,
  notFound,
  staleVersion,
  unprocessable,
} from '../http/errors';
import { registerExports } from '../http/export';
import { readImportRows } from '../http/import-file';
import { asIdList, asString, listQuerySchema } from '../http/list-query';
import { type ResourceList, serveList } from '../http/resource-list';
import { labelledColumns, wordedCell } from '../http/table-list';
import { updateVersioned } from '../http/versioned';
import { assertNoOverlap, projectCodeOf, subjectExists, withOverlapGuard } from './service';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const updateSchema = withReadOnly(billingCodeInputSchema.extend({ version }), BILLING_CODE_READ_ONLY);

type BillingCodeRow = typeof billingCodes.$inferSelect & { budgetSubjectName: string };
/** Every code column as text cells: Excel must keep 00200 and 430900 as written. */
const billingCodeExportColumns = labelledColumns<BillingCodeRow, keyof typeof billingCodeFieldTexts.en>(
  billingCodeFieldTexts,
  [
    ['id', 'number'],
    ['projectCode', 'id'],
    ['departmentCode', 'id'],
    ['itemCode', 'id'],
    ['name', 'text'],
    ['budgetSubjectCode', 'id'],
    ['budgetSubjectName', 'text'],
    ['budgetLevel', 'text', wordedCell(budgetLevelTexts, (r) => r.budgetLevel)],
    ['effectiveFrom', 'date'],
    ['effectiveTo', 'date'],
    ['status', 'text', wordedCell(billingCodeStatusTexts, (r) => r.status)],
    ['note', 'text'],
    ['createdAt', 'instant'],
    ['updatedAt', 'instant'],
  ],
);

export function billingCodeRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx.database;
  const select = () =>
    db
      .select({ row: billingCodes, budgetSubjectName: budgetSubjects.name })
      .from(billingCodes)
      .innerJoin(budgetSubjects, eq(budgetSubjects.code, billingCodes.budgetSubjectCode));
  const present = ({
    row,
    budgetSubjectName,
  }: {
    row: typeof billingCodes.$inferSelect;
    budgetSubjectName: string;
  }) => ({
    ...row,
    budgetSubjectName,
  });
  const get = async (id: number) => {
    const [r] = await select().where(eq(billingCodes.id, id));
    if (!r) throw notFound('Billing code');
    return present(r);
  };
  async function checkInput(input: BillingCodeInput, exceptId?: number) {
    assertNoProblems(billingCodeProblems(input));
    if (!(await subjectExists(db, input.budgetSubjectCode)))
      throw badRequest('budgetSubjectCode is not a known budget subject', {
        budgetSubjectCode: { code: 'unknown_reference' },
      });
    await assertNoOverlap(db, input, exceptId);
  }

  const list: ResourceList<ReturnType<typeof present>> = {
    resource: 'billing-codes',
    spec: () => ({
      sortable: {
        id: billingCodes.id,
        projectCode: billingCodes.projectCode,
        name: billingCodes.name,
        effectiveFrom: billingCodes.effectiveFrom,
      },
      defaultSort: ['projectCode', 'ASC'],
      idColumn: billingCodes.id,
      filters: {
        id: (v) => inArray(billingCodes.id, asIdList('id', v).map(Number)),
        q: (v) =>
          or(
            ilike(billingCodes.name, `%${asString('q', v)}%`),
            ilike(billingCodes.projectCode, `%${asString('q', v)}%`),
          ),
        status: (v) =>
          inArray(billingCodes.status, asIdList('status', v).map(String) as ('active' | 'retired')[]),
        departmentCode: (v) => eq(billingCodes.departmentCode, asString('departmentCode', v)),
        budgetSubjectCode: (v) => eq(billingCodes.budgetSubjectCode, asString('budgetSubjectCode', v)),
        budgetLevel: (v) =>
          inArray(
            billingCodes.budgetLevel,
            asIdList('budgetLevel', v).map(String) as BillingCodeInput['budgetLevel'][],
          ),
        validOn: (v): SQL | undefined =>
          and(
            lte(billingCodes.effectiveFrom, asString('validOn', v)),
            or(isNull(billingCodes.effectiveTo), gte(billingCodes.effectiveTo, asString('validOn', v))),
          ),
      },
    }),
    // Master data every role reads whole.
    scope: () => undefined,
    page: async (where, p) =>
      (
        await select()
          .where(where)
          .orderBy(...p.orderBy)
          .limit(p.limit)
          .offset(p.offset)
      ).map(present),
    count: async (where) => (await db.select({ total: count() }).from(billingCodes).where(where))[0].total,
  };
  return async (app) => {
    registerExports(app, ctx, {
      list,
      columns: billingCodeExportColumns,
      permission: ['billing-codes', 'list'],
      name: 'billing-codes',
    });

    app.get(
      '/',
      { config: { permission: ['billing-codes', 'list'] }, schema: { querystring: listQuerySchema } },
      async (request, reply) => serveList(list, actorOf(request), request.query, reply),
    );

    app.get(
      '/:id',
      { config: { permission: ['billing-codes', 'show'] }, schema: { params: idParams } },
      async (request) => get(request.params.id),
    );

    app.post(
      '/',
      { config: { permission: ['billing-codes', 'create'] }, schema: { body: billingCodeInputSchema } },
      async (request, reply) => {
        const actor = actorOf(request);
        const input = request.body;
        await checkInput(input);
        const projectCode = projectCodeOf(input);
        const id = await withOverlapGuard(
          () =>
            db.transaction(async (tx) => {
              const [row] = await tx
                .insert(billingCodes)
                .values({
                  ...input,
                  projectCode,
                  effectiveTo: input.effectiveTo ?? null,
                  note: input.note ?? null,
                })
                .returning();
              await ctx.audit.record(tx, {
                actor,
                action: 'create',
                resource: 'billing-codes',
                recordId: row.id,
                after: row,
                ip: request.ip,
              });
              return row.id;
            }),
          projectCode,
        );
        reply.code(201);
        return get(id);
      },
    );

    app.put(
      '/:id',
      { config: { permission: ['billing-codes', 'edit'] }, schema: { params: idParams, body: updateSchema } },
      async (request) => {
        const actor = actorOf(request);
        const { id } = request.params;
        const {
          version: expected,
          departmentCode,
          itemCode,
          name,
          budgetSubjectCode,
          budgetLevel,
          effectiveFrom,
          effectiveTo,
          note,
        } = request.body;
        const input = {
          departmentCode,
          itemCode,
          name,
          budgetSubjectCode,
          budgetLevel,
          effectiveFrom,
          effectiveTo: effectiveTo ?? null,
          note: note ?? null,
        };
        const before = await get(id);
        if (before.departmentCode !== departmentCode || before.itemCode !== itemCode)
          throw badRequest('The code digits cannot change; retire the code and create a new one', {
            itemCode: { code: 'cannot_change' },
          });
        if (before.status === 'retired')
          throw conflict('billing_code_retired', 'A retired code cannot be edited');
        if (before.version !== expected) throw staleVersion();
        await checkInput(input, id);
        await withOverlapGuard(
          () =>
            db.transaction(async (tx) => {
              const after = await updateVersioned(
                tx,
                billingCodes,
                eq(billingCodes.id, id),
                expected,
                { ...input },
                ctx.clock.now(),
              );
              await ctx.audit.record(tx, {
                actor,
                action: 'update',
                resource: 'billing-codes',
                recordId: id,
                before,
                after,
                ip: request.ip,
              });
            }),
          before.projectCode,
        );
        return get(id);
      },
    );

    // Codes are never deleted: retiring ends the validity (today at the latest) and keeps the history.
    app.post(
      '/:id/retire',
      {
        config: { permission: ['billing-codes', 'retire'] },
        schema: { params: idParams, body: reasonSchema },
      },
      async (request) => {
        const actor = actorOf(request);
        const { id } = request.params;
        const today = ctx.clock.today();
        await db.transaction(async (tx) => {
          const [before] = await tx.select().from(billingCodes).where(eq(billingCodes.id, id)).for('update');
          if (!before) throw notFound('Billing code');
          if (before.status === 'retired')
            throw conflict('billing_code_retired', 'The code is already retired');
          const effectiveTo = before.effectiveTo && before.effectiveTo < today ? before.effectiveTo : today;
          const [after] = await tx
            .update(billingCodes)
            .set({
              status: 'retired',
              // A code retired before it started ends on its first day, never before it.
              effectiveTo: [effectiveTo, before.effectiveFrom].sort()[1],
              version: before.version + 1,
              updatedAt: ctx.clock.now(),
            })
            .where(eq(billingCodes.id, id))
            .returning();
          await ctx.audit.record(tx, {
            actor,
            action: 'retire',
            resource: 'billing-codes',
            recordId: id,
            before,
            after: { ...after, reason: request.body.reason ?? null },
            ip: request.ip,
          });
        });
        return get(id);
      },
    );

    app.post(
      '/import',
      {
        config: { permission: ['billing-codes', 'import'] },
        bodyLimit: 20 * 1024 * 1024,
        schema: { body: calendarImportSchema },
      },
      async (request) => {
        const actor = actorOf(request);
        const { format, content, dryRun } = request.body;
        const raw = readImportRows(format, content);
        const subjects = new Set(
          (await db.select({ code: budgetSubjects.code }).from(budgetSubjects)).map((s) => s.code),
        );
        const existing = await db.select().from(billingCodes);
        const rowErrors: RowError[] = [];
        const accepted: BillingCodeInput[] = [];
        raw.forEach((r, i) => {
          const row = i + 1;
          const candidate = { ...r, effectiveTo: r.effectiveTo || null, note: r.note || null };
          const parsed = billingCodeInputSchema.safeParse(candidate);
          if (!parsed.success) {
            rowErrors.push(...issueRowErrors(row, parsed.error.issues, candidate));
            return;
          }
          const input = parsed.data;
          for (const [field, error] of Object.entries(billingCodeProblems(input)))
            rowErrors.push(rowError(row, field, error));
          if (!subjects.has(input.budgetSubjectCode))
            rowErrors.push(rowError(row, 'budgetSubjectCode', { code: 'unknown_reference' }));
          const code = projectCodeOf(input);
          const period = { from: input.effectiveFrom, to: input.effectiveTo };
          const clash =
            existing.find(
              (c) =>
                c.projectCode === code &&
                periodsOverlap({ from: c.effectiveFrom, to: c.effectiveTo }, period),
            ) ??
            accepted.find(
              (c) =>
                projectCodeOf(c) === code &&
                periodsOverlap({ from: c.effectiveFrom, to: c.effectiveTo }, period),
            );
          if (clash)
            rowErrors.push(rowError(row, 'itemCode', { code: 'overlapping_validity', params: { code } }));
          accepted.push(input);
        });
        if (raw.length === 0) rowErrors.push(rowError(0, 'file', { code: 'file_empty' }));
        if (rowErrors.length)
          throw unprocessable(
            'import_rejected',
            `${rowErrors.length} problem(s); nothing was imported`,
            undefined,
            { rowErrors: rowErrors.slice(0, 500) },
          );
        if (!dryRun)
          await withOverlapGuard(
            () =>
              db.transaction(async (tx) => {
                await tx.insert(billingCodes).values(
                  accepted.map((a) => ({
                    ...a,
                    projectCode: projectCodeOf(a),
                    effectiveTo: a.effectiveTo ?? null,
                    note: a.note ?? null,
                  })),
                );
                await ctx.audit.record(tx, {
                  actor,
                  action: 'import',
                  resource: 'billing-codes',
                  after: { rows: accepted.length },
                  ip: request.ip,
                });
              }),
            'import',
          );
        return { dryRun, rows: accepted.length };
      },
    );
  };
}
