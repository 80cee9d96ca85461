import { and, eq, ilike, inArray, or } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { bankFieldTexts, departmentFieldTexts } from '../../domain/i18n';
import type { Actor } from '../../domain/roles';
import { type AppContext, actorOf } from '../context';
import { banks, departments } from '../db/schema';
import { notFound } from '../http/errors';
import { registerExports } from '../http/export';
import { asIdList, asString, listQuerySchema } from '../http/list-query';
import { serveList } from '../http/resource-list';
import { regionScope } from '../http/scope';
import { labelledColumns, tableList } from '../http/table-list';

const textId = z.object({ id: z.string().max(32) });

const bankScope = (actor: Actor) => (actor.role === 'bank' ? eq(banks.id, actor.bankId ?? '') : undefined);

/** Read-only master data the forms and filters reference: banks and departments. */
export function referenceRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx.database;
  const bankList = tableList(db, banks, 'banks', {
    spec: () => ({
      sortable: { id: banks.id, name: banks.name },
      defaultSort: ['id', 'ASC'],
      idColumn: banks.id,
      filters: {
        id: (v) => inArray(banks.id, asIdList('id', v).map(String)),
        q: (v) => or(ilike(banks.name, `%${asString('q', v)}%`), ilike(banks.id, `%${asString('q', v)}%`)),
      },
    }),
    scope: bankScope,
    present: (r) => r,
  });
  const departmentList = tableList(db, departments, 'departments', {
    spec: () => ({
      sortable: { id: departments.id, name: departments.name },
      defaultSort: ['id', 'ASC'],
      idColumn: departments.id,
      filters: { id: (v) => inArray(departments.id, asIdList('id', v).map(Number)) },
    }),
    scope: (actor) => regionScope(departments.regionCode, actor.regionCode),
    present: (r) => r,
  });

  return async (app) => {
    await app.register(
      async (scoped) =>
        registerExports(scoped, ctx, {
          list: bankList,
          columns: labelledColumns<typeof banks.$inferSelect, keyof typeof bankFieldTexts.en>(
            bankFieldTexts,
            [
              ['id', 'id'],
              ['name', 'text'],
              ['nameEn', 'text'],
            ],
          ),
          permission: ['banks', 'list'],
          name: 'banks',
        }),
      { prefix: '/banks' },
    );
    await app.register(
      async (scoped) =>
        registerExports(scoped, ctx, {
          list: departmentList,
          columns: labelledColumns<typeof departments.$inferSelect, keyof typeof departmentFieldTexts.en>(
            departmentFieldTexts,
            [
              ['id', 'number'],
              ['name', 'text'],
              ['nameEn', 'text'],
              ['regionCode', 'id'],
            ],
          ),
          permission: ['departments', 'list'],
          name: 'departments',
        }),
      { prefix: '/departments' },
    );

    app.get(
      '/banks',
      { config: { permission: ['banks', 'list'] }, schema: { querystring: listQuerySchema } },
      (request, reply) => serveList(bankList, actorOf(request), request.query, reply),
    );
    app.get(
      '/banks/:id',
      { config: { permission: ['banks', 'show'] }, schema: { params: textId } },
      async (request) => {
        const [row] = await db
          .select()
          .from(banks)
          .where(and(eq(banks.id, request.params.id), bankScope(actorOf(request))));
        if (!row) throw notFound('Bank');
        return row;
      },
    );

    app.get(
      '/departments',
      { config: { permission: ['departments', 'list'] }, schema: { querystring: listQuerySchema } },
      (request, reply) => serveList(departmentList, actorOf(request), request.query, reply),
    );
  };
}
