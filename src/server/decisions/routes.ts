import { and, asc, count, desc, eq, gte, ilike, inArray, lte, type SQL } from 'drizzle-orm';
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
import { type AppContext, actorOf } from '../context';
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
import { readImportRows } from '../http/import-file';
import {
  asIdList,
  asString,
  contentRange,
  type FilterValue,
  listQuerySchema,
  parseList,
} from '../http/list-query';
import { maskPiiFilter } from '../http/log-redact';
import { decisionScope } from './scope';
import { resolveRefs, writeDecision } from './service';

const idParams = z.object({ id: z.coerce.number().int().positive() });

/** 处罚决定书 for staff: masked in lists and pages; full values only through an audited reveal. */
export function decisionRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx.database;
  const columns = {
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
  const base = () => db.select(columns).from(decisions).innerJoin(units, eq(units.id, decisions.unitId));

  return async (app) => {
    app.get(
      '/',
      { config: { permission: ['decisions', 'list'] }, schema: { querystring: listQuerySchema } },
      async (request, reply) => {
        const actor = actorOf(request);
        const searched: Record<string, string> = {};
        // Exact full values only: a fragment would let anyone narrow a person down by trial.
        const piiTerm = (key: 'plate' | 'idNumber' | 'partyName', v: FilterValue) => {
          if (!can(actor, 'search', 'decisions'))
            throw forbidden(
              `Only police and auditors may search decisions by ${key}`,
              'pii_search_forbidden',
            );
          const term = asString(key, v).trim();
          searched[key] = term;
          return term;
        };
        const parsed = parseList(request.query, {
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
        });
        const where: SQL | undefined = and(decisionScope(db, actor), parsed.where);
        const [rows, [{ total }]] = await Promise.all([
          base()
            .where(where)
            .orderBy(...parsed.orderBy)
            .limit(parsed.limit)
            .offset(parsed.offset),
          db.select({ total: count() }).from(decisions).where(where),
        ]);
        if (Object.keys(searched).length)
          await ctx.audit.recordNow(db, {
            actor,
            action: 'search',
            resource: 'decisions',
            after: { ...maskPiiFilter(searched), results: total },
            ip: request.ip,
          });
        reply.header('Content-Range', contentRange('decisions', parsed.offset, rows.length, total));
        return rows.map(maskDecision);
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
