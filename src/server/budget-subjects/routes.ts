import { eq, ilike, inArray, or } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BUDGET_SUBJECT_READ_ONLY, budgetSubjectInputSchema, version, withReadOnly } from '../../domain';
import { budgetSubjectFieldTexts, budgetSubjectKindTexts } from '../../domain/i18n';
import { type AppContext, actorOf } from '../context';
import { budgetSubjects } from '../db/schema';
import { badRequest, notFound, unprocessable } from '../http/errors';
import { registerExports } from '../http/export';
import { asIdList, asString, listQuerySchema } from '../http/list-query';
import { serveList } from '../http/resource-list';
import { labelledColumns, tableList, wordedCell } from '../http/table-list';
import { updateVersioned } from '../http/versioned';

const params = z.object({ id: z.string().regex(/^\d{9}(\d{3})?$/) });
const updateSchema = withReadOnly(budgetSubjectInputSchema.extend({ version }), BUDGET_SUBJECT_READ_ONLY);

// 预算科目 budget subjects, keyed by their code (which is also the react-admin id).
export function budgetSubjectRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx.database;
  const present = (r: typeof budgetSubjects.$inferSelect) => ({
    id: r.code,
    kind: r.code.length === 12 ? 'local' : 'national',
    ...r,
  });
  const list = tableList(db, budgetSubjects, 'budget-subjects', {
    spec: () => ({
      sortable: { id: budgetSubjects.code, code: budgetSubjects.code, name: budgetSubjects.name },
      defaultSort: ['code', 'ASC'],
      idColumn: budgetSubjects.code,
      filters: {
        id: (v) => inArray(budgetSubjects.code, asIdList('id', v).map(String)),
        q: (v) =>
          or(
            ilike(budgetSubjects.name, `%${asString('q', v)}%`),
            ilike(budgetSubjects.code, `${asString('q', v)}%`),
          ),
      },
    }),
    present,
  });
  const budgetSubjectExportColumns = labelledColumns<
    ReturnType<typeof present>,
    keyof typeof budgetSubjectFieldTexts.en
  >(budgetSubjectFieldTexts, [
    ['code', 'id'],
    ['kind', 'text', wordedCell(budgetSubjectKindTexts, (r) => r.kind)],
    ['name', 'text'],
    ['parentCode', 'id'],
    ['note', 'text'],
    ['createdAt', 'instant'],
    ['updatedAt', 'instant'],
  ]);
  return async (app) => {
    registerExports(app, ctx, {
      list,
      columns: budgetSubjectExportColumns,
      permission: ['budget-subjects', 'list'],
      name: 'budget-subjects',
    });

    app.get(
      '/',
      { config: { permission: ['budget-subjects', 'list'] }, schema: { querystring: listQuerySchema } },
      async (request, reply) => serveList(list, actorOf(request), request.query, reply),
    );

    app.get(
      '/:id',
      { config: { permission: ['budget-subjects', 'show'] }, schema: { params } },
      async (request) => {
        const [row] = await db
          .select()
          .from(budgetSubjects)
          .where(eq(budgetSubjects.code, request.params.id));
        if (!row) throw notFound('Budget subject');
        return present(row);
      },
    );

    app.post(
      '/',
      { config: { permission: ['budget-subjects', 'create'] }, schema: { body: budgetSubjectInputSchema } },
      async (request, reply) => {
        const actor = actorOf(request);
        const { code } = request.body;
        const parentCode = code.length === 12 ? code.slice(0, 9) : null;
        if (parentCode) {
          const [parent] = await db.select().from(budgetSubjects).where(eq(budgetSubjects.code, parentCode));
          if (!parent)
            throw badRequest(`The national subject ${parentCode} does not exist`, {
              code: { code: 'unknown_reference' },
            });
        }
        const [clash] = await db.select().from(budgetSubjects).where(eq(budgetSubjects.code, code));
        if (clash)
          throw unprocessable('duplicate_code', `Budget subject ${code} already exists`, {
            code: { code: 'taken' },
          });
        const row = await db.transaction(async (tx) => {
          const [created] = await tx
            .insert(budgetSubjects)
            .values({ ...request.body, note: request.body.note ?? null, parentCode })
            .returning();
          await ctx.audit.record(tx, {
            actor,
            action: 'create',
            resource: 'budget-subjects',
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
      { config: { permission: ['budget-subjects', 'edit'] }, schema: { params, body: updateSchema } },
      async (request) => {
        const actor = actorOf(request);
        const { name, note, version: expected, code } = request.body;
        if (code !== request.params.id)
          throw badRequest('code cannot change', { code: { code: 'cannot_change' } });
        const row = await db.transaction(async (tx) => {
          const [before] = await tx.select().from(budgetSubjects).where(eq(budgetSubjects.code, code));
          if (!before) throw notFound('Budget subject');
          const after = await updateVersioned(
            tx,
            budgetSubjects,
            eq(budgetSubjects.code, code),
            expected,
            { name, note: note ?? null },
            ctx.clock.now(),
          );
          await ctx.audit.record(tx, {
            actor,
            action: 'update',
            resource: 'budget-subjects',
            recordId: code,
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
