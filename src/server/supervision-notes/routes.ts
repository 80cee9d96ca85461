import { and, count, eq, gte, inArray, lte } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  SUPERVISION_NOTE_READ_ONLY,
  supervisionNoteInputSchema,
  supervisionNoteProblems,
  version,
  withReadOnly,
} from '../../domain';
import { type SupervisionNoteField, supervisionNoteFieldTexts } from '../../domain/i18n';
import type { Actor } from '../../domain/roles';
import { agreementScope } from '../agreements/repository';
import { type AppContext, actorOf } from '../context';
import { agreements, banks, supervisionNotes, users } from '../db/schema';
import { assertNoProblems, badRequest, notFound } from '../http/errors';
import { type CellKind, type ExportColumn, registerExports } from '../http/export';
import { asIdList, asString, listQuerySchema } from '../http/list-query';
import { type ResourceList, serveList } from '../http/resource-list';
import { regionScope } from '../http/scope';
import { updateVersioned } from '../http/versioned';

type SupervisionNoteRow = {
  id: number;
  bankId: string;
  bankName: string;
  regionCode: string;
  agreementId: number | null;
  periodStart: string;
  periodEnd: string;
  text: string;
  authorName: string | null;
  createdAt: Date;
  updatedAt: Date;
};
const label = (key: SupervisionNoteField) => ({
  'zh-CN': supervisionNoteFieldTexts['zh-CN'][key],
  en: supervisionNoteFieldTexts.en[key],
});
const column = (
  key: SupervisionNoteField & keyof SupervisionNoteRow,
  kind: CellKind,
): ExportColumn<SupervisionNoteRow> => ({ key, kind, label: label(key), value: (r) => r[key] });

/** Every field of the list record; the author's user id and the version stay internal. */
export const supervisionNoteExportColumns: ExportColumn<SupervisionNoteRow>[] = [
  column('id', 'id'),
  { key: 'bankCode', kind: 'id', label: label('bankCode'), value: (r) => r.bankId },
  column('bankName', 'text'),
  column('regionCode', 'id'),
  column('agreementId', 'id'),
  column('periodStart', 'date'),
  column('periodEnd', 'date'),
  column('text', 'text'),
  column('authorName', 'text'),
  column('createdAt', 'instant'),
  column('updatedAt', 'instant'),
];

const idParams = z.object({ id: z.coerce.number().int().positive() });
const updateSchema = withReadOnly(supervisionNoteInputSchema.extend({ version }), SUPERVISION_NOTE_READ_ONLY);

export function supervisionNoteRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx.database;
  const columns = {
    id: supervisionNotes.id,
    bankId: supervisionNotes.bankId,
    bankName: banks.name,
    regionCode: supervisionNotes.regionCode,
    agreementId: supervisionNotes.agreementId,
    periodStart: supervisionNotes.periodStart,
    periodEnd: supervisionNotes.periodEnd,
    text: supervisionNotes.text,
    authorId: supervisionNotes.authorId,
    authorName: users.displayName,
    version: supervisionNotes.version,
    createdAt: supervisionNotes.createdAt,
    updatedAt: supervisionNotes.updatedAt,
  };
  const scope = (actor: Actor) => regionScope(supervisionNotes.regionCode, actor.regionCode);
  const select = () =>
    db
      .select(columns)
      .from(supervisionNotes)
      .innerJoin(banks, eq(banks.id, supervisionNotes.bankId))
      .leftJoin(users, eq(users.id, supervisionNotes.authorId));
  const get = async (actor: Actor, id: number) => {
    const [row] = await select().where(and(eq(supervisionNotes.id, id), scope(actor)));
    if (!row) throw notFound('Supervision note');
    return row;
  };
  const list: ResourceList<SupervisionNoteRow> = {
    resource: 'supervision-notes',
    spec: () => ({
      sortable: {
        id: supervisionNotes.id,
        periodStart: supervisionNotes.periodStart,
        bankId: supervisionNotes.bankId,
        createdAt: supervisionNotes.createdAt,
      },
      defaultSort: ['periodStart', 'DESC'],
      idColumn: supervisionNotes.id,
      filters: {
        id: (v) => inArray(supervisionNotes.id, asIdList('id', v).map(Number)),
        bankId: (v) => inArray(supervisionNotes.bankId, asIdList('bankId', v).map(String)),
        agreementId: (v) => inArray(supervisionNotes.agreementId, asIdList('agreementId', v).map(Number)),
        periodStart_gte: (v) => gte(supervisionNotes.periodStart, asString('periodStart_gte', v)),
        periodEnd_lte: (v) => lte(supervisionNotes.periodEnd, asString('periodEnd_lte', v)),
      },
    }),
    scope,
    page: (where, p) =>
      select()
        .where(where)
        .orderBy(...p.orderBy)
        .limit(p.limit)
        .offset(p.offset),
    count: async (where) => (await db.select({ n: count() }).from(supervisionNotes).where(where))[0].n,
  };
  async function checkRefs(actor: Actor, input: { bankId: string; agreementId?: number | null }) {
    const [bank] = await db.select().from(banks).where(eq(banks.id, input.bankId));
    if (!bank) throw badRequest('bankId is not a known bank', { bankId: { code: 'unknown_reference' } });
    if (input.agreementId) {
      const [agreement] = await db
        .select({ bankId: agreements.bankId })
        .from(agreements)
        .where(and(eq(agreements.id, input.agreementId), agreementScope(actor)));
      if (!agreement)
        throw badRequest('agreementId is not a known agreement', {
          agreementId: { code: 'unknown_reference' },
        });
      if (agreement.bankId !== input.bankId)
        throw badRequest('The agreement belongs to another bank', {
          agreementId: { code: 'belongs_to_another_bank' },
        });
    }
  }

  return async (app) => {
    registerExports(app, ctx, {
      list,
      columns: supervisionNoteExportColumns,
      permission: ['supervision-notes', 'list'],
      name: 'supervision-notes',
    });
    app.get(
      '/',
      { config: { permission: ['supervision-notes', 'list'] }, schema: { querystring: listQuerySchema } },
      async (request, reply) => serveList(list, actorOf(request), request.query, reply),
    );

    app.get(
      '/:id',
      { config: { permission: ['supervision-notes', 'show'] }, schema: { params: idParams } },
      async (request) => get(actorOf(request), request.params.id),
    );

    app.post(
      '/',
      {
        config: { permission: ['supervision-notes', 'create'] },
        schema: { body: supervisionNoteInputSchema },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        assertNoProblems(supervisionNoteProblems(request.body));
        await checkRefs(actor, request.body);
        const id = await db.transaction(async (tx) => {
          const [row] = await tx
            .insert(supervisionNotes)
            .values({
              ...request.body,
              agreementId: request.body.agreementId ?? null,
              regionCode: actor.regionCode,
              authorId: actor.id,
            })
            .returning();
          await ctx.audit.record(tx, {
            actor,
            action: 'create',
            resource: 'supervision-notes',
            recordId: row.id,
            after: row,
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
      {
        config: { permission: ['supervision-notes', 'edit'] },
        schema: { params: idParams, body: updateSchema },
      },
      async (request) => {
        const actor = actorOf(request);
        const { bankId, agreementId, periodStart, periodEnd, text, version: expected } = request.body;
        const input = { bankId, agreementId: agreementId ?? null, periodStart, periodEnd, text };
        assertNoProblems(supervisionNoteProblems(input));
        const before = await get(actor, request.params.id);
        await checkRefs(actor, input);
        await db.transaction(async (tx) => {
          const after = await updateVersioned(
            tx,
            supervisionNotes,
            eq(supervisionNotes.id, before.id),
            expected,
            { ...input },
            ctx.clock.now(),
          );
          await ctx.audit.record(tx, {
            actor,
            action: 'update',
            resource: 'supervision-notes',
            recordId: before.id,
            before,
            after,
            ip: request.ip,
          });
        });
        return get(actor, before.id);
      },
    );
  };
}
