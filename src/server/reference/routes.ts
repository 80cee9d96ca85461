import { and, eq, ilike, inArray, or } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type AppContext, actorOf } from '../context';
import { banks, departments } from '../db/schema';
import { notFound } from '../http/errors';
import { asIdList, asString, listQuerySchema } from '../http/list-query';
import { regionScope } from '../http/scope';
import { listTable } from '../http/simple-list';

const textId = z.object({ id: z.string().max(32) });

/** Read-only master data the forms and filters reference: banks and departments. */
export function referenceRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx.database;
  return async (app) => {
    app.get(
      '/banks',
      { config: { permission: ['banks', 'list'] }, schema: { querystring: listQuerySchema } },
      (request, reply) => {
        const actor = actorOf(request);
        return listTable(
          db,
          banks,
          'banks',
          request.query,
          {
            sortable: { id: banks.id, name: banks.name },
            defaultSort: ['id', 'ASC'],
            idColumn: banks.id,
            filters: {
              id: (v) => inArray(banks.id, asIdList('id', v).map(String)),
              q: (v) =>
                or(ilike(banks.name, `%${asString('q', v)}%`), ilike(banks.id, `%${asString('q', v)}%`)),
            },
          },
          reply,
          actor.role === 'bank' ? eq(banks.id, actor.bankId ?? '') : undefined,
        );
      },
    );
    app.get(
      '/banks/:id',
      { config: { permission: ['banks', 'show'] }, schema: { params: textId } },
      async (request) => {
        const actor = actorOf(request);
        const [row] = await db
          .select()
          .from(banks)
          .where(
            and(
              eq(banks.id, request.params.id),
              actor.role === 'bank' ? eq(banks.id, actor.bankId ?? '') : undefined,
            ),
          );
        if (!row) throw notFound('Bank');
        return row;
      },
    );

    app.get(
      '/departments',
      { config: { permission: ['departments', 'list'] }, schema: { querystring: listQuerySchema } },
      (request, reply) =>
        listTable(
          db,
          departments,
          'departments',
          request.query,
          {
            sortable: { id: departments.id, name: departments.name },
            defaultSort: ['id', 'ASC'],
            idColumn: departments.id,
            filters: { id: (v) => inArray(departments.id, asIdList('id', v).map(Number)) },
          },
          reply,
          regionScope(departments.regionCode, actorOf(request).regionCode),
        ),
    );
  };
}
