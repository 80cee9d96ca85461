import { and, count, eq, gte, ilike, inArray, isNotNull, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { COLLECTION_CHANNELS } from '../../domain';
import { channelTexts, collectionFieldTexts, type Lang, matchedTexts } from '../../domain/i18n';
import type { Actor } from '../../domain/roles';
import { type AppContext, actorOf } from '../context';
import type { Db } from '../db/client';
import { banks, collections, decisions, paidStatusFlags, units } from '../db/schema';
import { notFound } from '../http/errors';
import { type CellKind, type ExportColumn, registerExports } from '../http/export';
import { asBoolean, asDate, asIdList, asString, listQuerySchema } from '../http/list-query';
import { type ResourceList, scopedWhere, serveList } from '../http/resource-list';
import { regionSubtree } from '../http/scope';

/**
 * 代收明细 collections: a bank sees what it pushed, a unit and a department their decisions', the
 * others their region's. A collection nobody could match yet (orphan) has no region: the bank that
 * took it and the province-level readers see it.
 */
export function collectionScope(db: Db, actor: Actor): SQL | undefined {
  const ofDecisions = (where: SQL) =>
    inArray(collections.decisionId, db.select({ id: decisions.id }).from(decisions).where(where));
  switch (actor.role) {
    case 'bank':
      return eq(collections.bankId, actor.bankId ?? '');
    case 'unit':
      return ofDecisions(eq(decisions.unitId, actor.unitId ?? 0));
    case 'dept':
      return ofDecisions(
        inArray(
          decisions.unitId,
          db
            .select({ id: units.id })
            .from(units)
            .where(eq(units.departmentId, actor.departmentId ?? 0)),
        ),
      );
    default:
      return actor.regionCode.length <= 2
        ? or(regionSubtree(collections.regionCode, actor.regionCode), isNull(collections.regionCode))
        : regionSubtree(collections.regionCode, actor.regionCode);
  }
}

const openFlags = sql<number>`(select count(*) from ${paidStatusFlags} f
  where f.collection_id = ${collections.id} and f.state = 'open')`.mapWith(Number);

export type CollectionRow = typeof collections.$inferSelect & {
  bankName: string;
  matched: boolean;
  openFlags: number;
};

export function collectionList(db: Db): ResourceList<CollectionRow> {
  const select = () =>
    db
      .select({ c: collections, bankName: banks.name, openFlags })
      .from(collections)
      .innerJoin(banks, eq(banks.id, collections.bankId));
  const channels = (v: Parameters<typeof asIdList>[1]) =>
    asIdList('channel', v)
      .map(String)
      .filter((s): s is (typeof COLLECTION_CHANNELS)[number] =>
        (COLLECTION_CHANNELS as readonly string[]).includes(s),
      );
  return {
    resource: 'collections',
    spec: () => ({
      sortable: {
        id: collections.id,
        collectedAt: collections.collectedAt,
        businessDate: collections.businessDate,
        amountFen: collections.amountFen,
      },
      defaultSort: ['collectedAt', 'DESC'],
      idColumn: collections.id,
      filters: {
        id: (v) => inArray(collections.id, asIdList('id', v).map(Number)),
        bankId: (v) => inArray(collections.bankId, asIdList('bankId', v).map(String)),
        channel: (v) => inArray(collections.channel, channels(v)),
        businessDate_gte: (v) => gte(collections.businessDate, asDate('businessDate_gte', v)),
        businessDate_lte: (v) => lte(collections.businessDate, asDate('businessDate_lte', v)),
        decisionNumber: (v) => eq(collections.decisionNumber, asString('decisionNumber', v).trim()),
        decisionId: (v) => eq(collections.decisionId, Number(asIdList('decisionId', v)[0])),
        matched: (v) =>
          asBoolean('matched', v) ? isNotNull(collections.decisionId) : isNull(collections.decisionId),
        q: (v) => {
          const q = `%${asString('q', v)
            .trim()
            .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
          return or(ilike(collections.bankTxnId, q), ilike(collections.decisionNumber, q));
        },
      },
    }),
    scope: (actor) => collectionScope(db, actor),
    page: async (where, p) =>
      (
        await select()
          .where(where)
          .orderBy(...p.orderBy)
          .limit(p.limit)
          .offset(p.offset)
      ).map((r) => ({
        ...r.c,
        bankName: r.bankName,
        matched: r.c.decisionId !== null,
        openFlags: r.openFlags,
      })),
    count: async (where) => (await db.select({ n: count() }).from(collections).where(where))[0].n,
  };
}

const label = (key: keyof (typeof collectionFieldTexts)['en']) => ({
  'zh-CN': collectionFieldTexts['zh-CN'][key],
  en: collectionFieldTexts.en[key],
});
const column = (
  key: keyof (typeof collectionFieldTexts)['en'] & keyof CollectionRow,
  kind: CellKind,
): ExportColumn<CollectionRow> => ({
  key,
  kind,
  label: label(key),
  value: (r) => r[key] as string | number | Date,
});

/** Every field of the list record, worded as on screen. */
export const collectionExportColumns: ExportColumn<CollectionRow>[] = [
  column('collectedAt', 'instant'),
  column('bankId', 'id'),
  column('bankName', 'text'),
  column('bankTxnId', 'id'),
  column('decisionNumber', 'text'),
  column('amountFen', 'money'),
  column('expectedFen', 'money'),
  {
    key: 'channel',
    kind: 'text',
    label: label('channel'),
    value: (r, lang: Lang) => channelTexts[lang][r.channel],
  },
  column('businessDate', 'date'),
  column('receivedAt', 'instant'),
  column('regionCode', 'id'),
  {
    key: 'matched',
    kind: 'text',
    label: label('matched'),
    value: (r, lang: Lang) => matchedTexts[lang][r.matched ? 'yes' : 'no'],
  },
  column('openFlags', 'number'),
];

const idParams = z.object({ id: z.coerce.number().int().positive() });

export function collectionRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx.database;
  const list = collectionList(db);
  return async (app) => {
    registerExports(app, ctx, {
      list,
      columns: collectionExportColumns,
      permission: ['collections', 'list'],
      name: 'collections',
    });

    app.get(
      '/',
      { config: { permission: ['collections', 'list'] }, schema: { querystring: listQuerySchema } },
      async (request, reply) => serveList(list, actorOf(request), request.query, reply),
    );

    // The exact number of rows a filter selects, whatever a list page shows for large totals.
    app.get(
      '/count',
      {
        config: { permission: ['collections', 'list'] },
        schema: { querystring: listQuerySchema.pick({ filter: true }) },
      },
      async (request) => {
        const { where } = scopedWhere(list, actorOf(request), request.query);
        return { count: await list.count(where) };
      },
    );

    app.get(
      '/:id',
      { config: { permission: ['collections', 'show'] }, schema: { params: idParams } },
      async (request) => {
        const actor = actorOf(request);
        const [row] = await list.page(and(eq(collections.id, request.params.id), list.scope(actor)), {
          orderBy: [],
          limit: 1,
          offset: 0,
        });
        if (!row) throw notFound('Collection');
        const flags = await db
          .select({
            id: paidStatusFlags.id,
            type: paidStatusFlags.type,
            state: paidStatusFlags.state,
            detail: paidStatusFlags.detail,
            createdAt: paidStatusFlags.createdAt,
          })
          .from(paidStatusFlags)
          .where(eq(paidStatusFlags.collectionId, row.id))
          .orderBy(paidStatusFlags.id);
        return { ...row, flags };
      },
    );
  };
}
