import { and, asc, count, desc, eq, gte, ilike, inArray, lte } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  calendarImportSchema,
  can,
  type DecisionInput,
  decisionFromCsvRow,
  decisionInputSchema,
  type FieldError,
  issueRowErrors,
  maskDecision,
  type RowError,
  regionContains,
  revealSchema,
  rowError,
} from '../../domain';
import { decisionFieldTexts, paymentStatusTexts } from '../../domain/i18n';
import { type AppContext, actorOf } from '../context';
import type { Db } from '../db/client';
import {
  banks,
  billingCodes,
  collections,
  decisionEvents,
  decisions,
  institutionKeys,
  paidStatusFlags,
  receipts,
  units,
  users,
} from '../db/schema';
import { forbidden, notFound, unprocessable } from '../http/errors';
import { type ExportColumn, registerExports } from '../http/export';
import { exportColumns } from '../http/export-labels';
import { readImportRows } from '../http/import-file';
import { asIdList, asString, type FilterValue, listQuerySchema } from '../http/list-query';
import { maskPiiFilter } from '../http/log-redact';
import { type ResourceList, serveList } from '../http/resource-list';
import { decisionScope } from './scope';
import { resolveRefs, writeDecision } from './service';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const PII_FILTERS = ['plate', 'idNumber', 'partyName'] as const;

const listColumns = {
  id: decisions.id,
  decisionNumber: decisions.decisionNumber,
  unitId: decisions.unitId,
  unitName: units.name,
  regionCode: decisions.regionCode,
  projectCode: decisions.projectCode,
  fineFen: decisions.fineFen,
  servedOn: decisions.servedOn,
  partyName: decisions.partyName,
  idNumber: decisions.idNumber,
  licenceNumber: decisions.licenceNumber,
  plate: decisions.plate,
  suspensions: decisions.suspensions,
  paymentStatus: decisions.paymentStatus,
  paidAt: decisions.paidAt,
  version: decisions.version,
  updatedAt: decisions.updatedAt,
};
const selectDecisions = (db: Db) =>
  db.select(listColumns).from(decisions).innerJoin(units, eq(units.id, decisions.unitId));
type DecisionRow = Awaited<ReturnType<typeof selectDecisions>>[number];

/**
 * The decision list and its exports: the caller's scope, personal data masked. A search by a full
 * plate, ID number or party name is for police and auditors only.
 */
function decisionList(db: Db): ResourceList<DecisionRow> {
  return {
    resource: 'decisions',
    spec: (actor) => {
      // Exact full values only: a fragment would let anyone narrow a person down by trial.
      const piiTerm = (key: (typeof PII_FILTERS)[number], v: FilterValue) => {
        if (!can(actor, 'search', 'decisions'))
          throw forbidden(`Only police and auditors may search decisions by ${key}`, 'pii_search_forbidden');
        return asString(key, v).trim();
      };
      return {
        sortable: {
          id: decisions.id,
          servedOn: decisions.servedOn,
          fineFen: decisions.fineFen,
          decisionNumber: decisions.decisionNumber,
        },
        defaultSort: ['id', 'DESC'],
        idColumn: decisions.id,
        filters: {
          id: (v) => inArray(decisions.id, asIdList('id', v).map(Number)),
          q: (v) => ilike(decisions.decisionNumber, `%${asString('q', v)}%`),
          paymentStatus: (v) =>
            inArray(
              decisions.paymentStatus,
              asIdList('paymentStatus', v).map(String) as (typeof decisions.$inferSelect.paymentStatus)[],
            ),
          unitId: (v) => inArray(decisions.unitId, asIdList('unitId', v).map(Number)),
          servedOn_gte: (v) => gte(decisions.servedOn, asString('servedOn_gte', v)),
          servedOn_lte: (v) => lte(decisions.servedOn, asString('servedOn_lte', v)),
          plate: (v) => eq(decisions.plate, piiTerm('plate', v).toUpperCase()),
          idNumber: (v) => eq(decisions.idNumber, piiTerm('idNumber', v).toUpperCase()),
          partyName: (v) => eq(decisions.partyName, piiTerm('partyName', v)),
        },
      };
    },
    scope: (actor) => decisionScope(db, actor),
    page: async (where, p) =>
      (
        await selectDecisions(db)
          .where(where)
          .orderBy(...p.orderBy)
          .limit(p.limit)
          .offset(p.offset)
      ).map(maskDecision),
    count: async (where) => (await db.select({ n: count() }).from(decisions).where(where))[0].n,
  };
}

const dc = exportColumns<DecisionRow, keyof (typeof decisionFieldTexts)['en']>(decisionFieldTexts);
/** Every field of the list record; the party's name, ID number, licence and plate masked as in the list. */
const decisionExportColumns: ExportColumn<DecisionRow>[] = [
  dc.col('id', 'number'),
  dc.col('decisionNumber', 'id'),
  dc.col('unitId', 'id'),
  dc.col('unitName', 'text'),
  dc.col('regionCode', 'id'),
  dc.col('projectCode', 'id'),
  dc.col('fineFen', 'money'),
  dc.col('servedOn', 'date'),
  dc.col('partyName', 'text'),
  dc.col('idNumber', 'id'),
  dc.col('licenceNumber', 'id'),
  dc.col('plate', 'id'),
  {
    key: 'suspensions',
    kind: 'text',
    label: dc.label('suspensions'),
    value: (r) => r.suspensions.map((s) => `${s.from}..${s.to}`).join('; '),
  },
  dc.word('paymentStatus', paymentStatusTexts),
  dc.col('paidAt', 'instant'),
  dc.col('version', 'number'),
  dc.col('updatedAt', 'instant'),
];

/** 处罚决定书 for staff: masked in lists and pages; full values only through an audited reveal. */
export function decisionRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx.database;
  const base = () => selectDecisions(db);
  const list = decisionList(db);

  return async (app) => {
    registerExports(app, ctx, {
      list,
      columns: decisionExportColumns,
      permission: ['decisions', 'list'],
      name: 'decisions',
    });

    app.get(
      '/',
      { config: { permission: ['decisions', 'list'] }, schema: { querystring: listQuerySchema } },
      async (request, reply) => {
        const actor = actorOf(request);
        const rows = await serveList(list, actor, request.query, reply);
        // A search by a person's full plate, ID number or name is audited, the value masked.
        const filter = request.query.filter
          ? (JSON.parse(request.query.filter) as Record<string, unknown>)
          : {};
        const searched: Record<string, string> = {};
        for (const key of PII_FILTERS)
          if (typeof filter[key] === 'string' && filter[key] !== '') searched[key] = filter[key].trim();
        if (Object.keys(searched).length)
          await ctx.audit.recordNow(db, {
            actor,
            action: 'search',
            resource: 'decisions',
            after: {
              ...maskPiiFilter(searched),
              results: Number(String(reply.getHeader('Content-Range')).split('/')[1]),
            },
            ip: request.ip,
          });
        return rows;
      },
    );

    app.get(
      '/:id',
      { config: { permission: ['decisions', 'show'] }, schema: { params: idParams } },
      async (request) => {
        const actor = actorOf(request);
        const [row] = await base().where(and(eq(decisions.id, request.params.id), decisionScope(db, actor)));
        if (!row) throw notFound('Decision');
        const [events, pays, flags, issued] = await Promise.all([
          db
            .select({
              id: decisionEvents.id,
              fromStatus: decisionEvents.fromStatus,
              toStatus: decisionEvents.toStatus,
              source: decisionEvents.source,
              reason: decisionEvents.reason,
              detail: decisionEvents.detail,
              keyId: decisionEvents.keyId,
              actorName: users.displayName,
              // A bank's key acts for the bank: show whose key it was, not only its id.
              keyBankName: banks.name,
              collectionId: decisionEvents.collectionId,
              at: decisionEvents.at,
            })
            .from(decisionEvents)
            .leftJoin(users, eq(users.id, decisionEvents.actorId))
            .leftJoin(institutionKeys, eq(institutionKeys.id, decisionEvents.keyId))
            .leftJoin(banks, eq(banks.id, institutionKeys.bankId))
            .where(eq(decisionEvents.decisionId, row.id))
            .orderBy(asc(decisionEvents.at), asc(decisionEvents.id)),
          db
            .select({ c: collections, bankName: banks.name })
            .from(collections)
            .innerJoin(banks, eq(banks.id, collections.bankId))
            .where(eq(collections.decisionId, row.id))
            .orderBy(asc(collections.collectedAt))
            .then((rows) => rows.map((r) => ({ ...r.c, bankName: r.bankName }))),
          db
            .select()
            .from(paidStatusFlags)
            .where(eq(paidStatusFlags.decisionId, row.id))
            .orderBy(desc(paidStatusFlags.id)),
          db
            .select({
              id: receipts.id,
              typeCode: receipts.typeCode,
              code: receipts.code,
              number: receipts.number,
              checkCode: receipts.checkCode,
              status: receipts.status,
              issuedOn: receipts.issuedOn,
              amountFen: receipts.amountFen,
              token: receipts.token,
            })
            .from(receipts)
            .where(eq(receipts.decisionId, row.id))
            .orderBy(asc(receipts.id)),
        ]);
        // The payer's page shows only what this page already shows (masked), so whoever may open
        // the decision may follow its link too.
        const decisionReceipts = issued.map(({ token, ...r }) => ({
          ...r,
          payerLink: token ? `/r/${token}` : null,
        }));
        return { ...maskDecision(row), events, collections: pays, flags, receipts: decisionReceipts };
      },
    );

    // The SPA's import, for when the police platform cannot push: all rows or none.
    app.post(
      '/import',
      {
        config: { permission: ['decisions', 'import'] },
        bodyLimit: 20 * 1024 * 1024,
        schema: { body: calendarImportSchema },
      },
      async (request) => {
        const actor = actorOf(request);
        const { format, content, dryRun } = request.body;
        const raw = readImportRows<Record<string, unknown>>(format, content);
        const [allUnits, codes] = await Promise.all([
          db.select().from(units),
          db.select().from(billingCodes),
        ]);
        const numbers = raw.map((r) => String(r.decisionNumber ?? '').trim()).filter(Boolean);
        const existing = new Set(
          numbers.length
            ? (
                await db
                  .select({ n: decisions.decisionNumber })
                  .from(decisions)
                  .where(inArray(decisions.decisionNumber, numbers))
              ).map((r) => r.n)
            : [],
        );
        const rowErrors: RowError[] = [];
        const accepted: {
          input: DecisionInput;
          refs: Exclude<ReturnType<typeof resolveRefs>, { errors: unknown }>;
        }[] = [];
        const seen = new Set<string>();
        for (const [i, r] of raw.entries()) {
          const row = i + 1;
          const fail = (field: string, error: FieldError) => {
            rowErrors.push(rowError(row, field, error));
          };
          const { candidate, errors } =
            format === 'csv'
              ? decisionFromCsvRow(r as Record<string, string>)
              : { candidate: r, errors: {} as Record<string, FieldError> };
          for (const [field, error] of Object.entries(errors)) fail(field, error);
          // A cell that could not be converted is reported once, under the column the user wrote.
          const covered = new Set(Object.keys(errors).flatMap((f) => (f === 'fine' ? [f, 'fineFen'] : [f])));
          const parsed = decisionInputSchema.safeParse(candidate);
          if (!parsed.success) {
            rowErrors.push(
              ...issueRowErrors(
                row,
                parsed.error.issues.filter((issue) => !covered.has(String(issue.path[0]))),
                candidate,
              ),
            );
            continue;
          }
          const d = parsed.data;
          const refs = resolveRefs(d, allUnits, codes);
          const clash: FieldError | null = existing.has(d.decisionNumber)
            ? { code: 'taken' }
            : seen.has(d.decisionNumber)
              ? { code: 'twice_in_file' }
              : null;
          seen.add(d.decisionNumber);
          if (clash) fail('decisionNumber', clash);
          else if ('errors' in refs)
            for (const [field, error] of Object.entries(refs.errors)) fail(field, error);
          else if (
            actor.role === 'unit'
              ? refs.unit.id !== actor.unitId
              : !regionContains(actor.regionCode, refs.unit.regionCode)
          )
            fail('unitCode', { code: 'outside_your_region' });
          else accepted.push({ input: d, refs });
        }
        if (raw.length === 0) rowErrors.push(rowError(0, 'file', { code: 'file_empty' }));
        if (rowErrors.length)
          throw unprocessable(
            'import_rejected',
            `${rowErrors.length} problem(s); nothing was imported`,
            undefined,
            {
              rowErrors: rowErrors.slice(0, 500),
            },
          );
        const totalFineFen = accepted.reduce((sum, a) => sum + a.input.fineFen, 0);
        if (dryRun) return { dryRun, rows: accepted.length, totalFineFen, matched: 0 };
        const matched = await db.transaction(async (tx) => {
          let n = 0;
          for (const a of accepted)
            n += (await writeDecision(tx, ctx, a.input, a.refs, { actor, ip: request.ip })).matched;
          return n;
        });
        return { dryRun, rows: accepted.length, totalFineFen, matched };
      },
    );

    app.post(
      '/:id/reveal',
      { config: { permission: ['decisions', 'reveal'] }, schema: { params: idParams, body: revealSchema } },
      async (request) => {
        const actor = actorOf(request);
        const [row] = await db
          .select()
          .from(decisions)
          .where(and(eq(decisions.id, request.params.id), decisionScope(db, actor)));
        if (!row) throw notFound('Decision');
        await ctx.audit.recordNow(db, {
          actor,
          action: 'reveal',
          resource: 'decisions',
          recordId: row.id,
          after: { reason: request.body.reason, fields: 'partyName,idNumber,licenceNumber,plate' },
          ip: request.ip,
        });
        return {
          id: row.id,
          partyName: row.partyName,
          idNumber: row.idNumber,
          licenceNumber: row.licenceNumber,
          plate: row.plate,
        };
      },
    );
  };
}
