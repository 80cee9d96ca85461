import { and, asc, count, eq, ilike, inArray, isNull, like, lt, or, type SQL, sql } from 'drizzle-orm';
import { addCalendarDays, FILING_DAYS, filingDueDate, isFilingOverdue } from '../../domain';
import type { Actor } from '../../domain/roles';
import type { Tx } from '../audit/log';
import type { Clock } from '../clock';
import type { Db } from '../db/client';
import { agreementEvents, agreements, banks, regions, users } from '../db/schema';
import { asBoolean, asIdList, asString, type ListSpec, type ParsedList } from '../http/list-query';
import type { ResourceList } from '../http/resource-list';
import { regionScope } from '../http/scope';

const columns = {
  id: agreements.id,
  bankId: agreements.bankId,
  bankName: banks.name,
  regionCode: agreements.regionCode,
  regionName: regions.name,
  agreementNo: agreements.agreementNo,
  accountName: agreements.accountName,
  accountNumber: agreements.accountNumber,
  accountBranch: agreements.accountBranch,
  remittanceMethod: agreements.remittanceMethod,
  dataExchangeMethod: agreements.dataExchangeMethod,
  cutoffTime: agreements.cutoffTime,
  signedOn: agreements.signedOn,
  effectiveFrom: agreements.effectiveFrom,
  effectiveTo: agreements.effectiveTo,
  filedOn: agreements.filedOn,
  filingReference: agreements.filingReference,
  status: agreements.status,
  note: agreements.note,
  createdBy: agreements.createdBy,
  version: agreements.version,
  createdAt: agreements.createdAt,
  updatedAt: agreements.updatedAt,
};

export function agreementScope(user: Actor): SQL | undefined {
  if (user.role === 'bank') return eq(agreements.bankId, user.bankId ?? '');
  return regionScope(agreements.regionCode, user.regionCode);
}

export function createAgreementRepository(db: Db, clock: Clock) {
  const present = <R extends { signedOn: string; filedOn: string | null }>(row: R) => ({
    ...row,
    filingDueOn: filingDueDate(row.signedOn),
    overdueFiling: isFilingOverdue(row.signedOn, row.filedOn, clock.today()),
  });

  const listSpec = (): ListSpec => ({
    sortable: {
      id: agreements.id,
      agreementNo: agreements.agreementNo,
      bankId: agreements.bankId,
      regionCode: agreements.regionCode,
      status: agreements.status,
      signedOn: agreements.signedOn,
      effectiveFrom: agreements.effectiveFrom,
      cutoffTime: agreements.cutoffTime,
      updatedAt: agreements.updatedAt,
    },
    defaultSort: ['id', 'DESC'],
    idColumn: agreements.id,
    filters: {
      id: (v) => inArray(agreements.id, asIdList('id', v).map(Number)),
      q: (v) => {
        const q = `%${asString('q', v).replace(/[%_\\]/g, '\\$&')}%`;
        // Bank names through a subquery, so the count needs no join.
        const bankIds = db.select({ id: banks.id }).from(banks).where(ilike(banks.name, q));
        return or(
          ilike(agreements.agreementNo, q),
          ilike(agreements.accountName, q),
          inArray(agreements.bankId, bankIds),
        );
      },
      bankId: (v) => inArray(agreements.bankId, asIdList('bankId', v).map(String)),
      regionCode: (v) => like(agreements.regionCode, `${asString('regionCode', v)}%`),
      status: (v) =>
        inArray(
          agreements.status,
          asIdList('status', v).map(String) as (typeof agreements.$inferSelect.status)[],
        ),
      overdueFiling: (v) => {
        const cutoff = addCalendarDays(clock.today(), -FILING_DAYS);
        const overdue = and(isNull(agreements.filedOn), lt(agreements.signedOn, cutoff));
        return asBoolean('overdueFiling', v) ? overdue : sql`not (${overdue})`;
      },
      signedOn_gte: (v) => sql`${agreements.signedOn} >= ${asString('signedOn_gte', v)}`,
      signedOn_lte: (v) => sql`${agreements.signedOn} <= ${asString('signedOn_lte', v)}`,
    },
  });

  const base = (executor: Db | Tx) =>
    executor
      .select(columns)
      .from(agreements)
      .innerJoin(banks, eq(banks.id, agreements.bankId))
      .innerJoin(regions, eq(regions.code, agreements.regionCode));

  /** The scoped list its route and its exports both run. */
  const page = async (where: SQL | undefined, p: Pick<ParsedList, 'orderBy' | 'limit' | 'offset'>) =>
    (
      await base(db)
        .where(where)
        .orderBy(...p.orderBy)
        .limit(p.limit)
        .offset(p.offset)
    ).map(present);
  const list: ResourceList<Awaited<ReturnType<typeof page>>[number]> = {
    resource: 'agreements',
    spec: listSpec,
    scope: agreementScope,
    page,
    count: async (where) => (await db.select({ total: count() }).from(agreements).where(where))[0].total,
  };

  async function get(user: Actor, id: number, executor: Db | Tx = db, forUpdate = false) {
    const query = base(executor).where(and(eq(agreements.id, id), agreementScope(user)));
    const [row] = await (forUpdate ? query.for('update', { of: agreements }) : query);
    return row ? present(row) : null;
  }

  async function history(id: number) {
    return db
      .select({
        id: agreementEvents.id,
        action: agreementEvents.action,
        fromStatus: agreementEvents.fromStatus,
        toStatus: agreementEvents.toStatus,
        reason: agreementEvents.reason,
        actorName: users.displayName,
        at: agreementEvents.at,
      })
      .from(agreementEvents)
      .leftJoin(users, eq(users.id, agreementEvents.actorId))
      .where(eq(agreementEvents.agreementId, id))
      .orderBy(asc(agreementEvents.at), asc(agreementEvents.id));
  }

  return { list, get, history, listSpec };
}
export type AgreementListRow = Awaited<ReturnType<AgreementRepository['list']['page']>>[number];
export type AgreementRepository = ReturnType<typeof createAgreementRepository>;
