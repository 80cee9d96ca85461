import { count, eq, gte, inArray, isNotNull, isNull, lte, ne, type SQL } from 'drizzle-orm';
import { ENTRY_FEEDBACK_TYPES, REMITTANCE_STATUSES } from '../../domain';
import {
  bankCodeTexts,
  budgetLevelTexts,
  entryFeedbackFieldTexts,
  entryFeedbackTypeTexts,
  remittanceFieldTexts,
  remittanceStatusTexts,
  remittanceTransferFieldTexts,
  treasuryEntryFieldTexts,
  treasuryEntrySourceTexts,
  yesNoTexts,
} from '../../domain/i18n';
import type { Actor } from '../../domain/roles';
import type { Db } from '../db/client';
import {
  banks,
  entryFeedback,
  remittances,
  remittanceTransfers,
  treasuries,
  treasuryEntries,
} from '../db/schema';
import type { ExportColumn } from '../http/export';
import { exportColumns } from '../http/export-labels';
import { asBoolean, asIdList, asString, type FilterValue } from '../http/list-query';
import type { ResourceList } from '../http/resource-list';
import { regionSubtree } from '../http/scope';

const pick = <T extends string>(values: readonly T[], v: FilterValue, name: string) =>
  asIdList(name, v)
    .map(String)
    .filter((s): s is T => (values as readonly string[]).includes(s));

/** A bank sees its own obligations; the others their province's. */
export const remittanceScope = (actor: Actor): SQL | undefined =>
  actor.role === 'bank'
    ? eq(remittances.bankId, actor.bankId ?? '')
    : regionSubtree(remittances.regionCode, actor.regionCode.slice(0, 2));

export type RemittanceRow = typeof remittances.$inferSelect & { bankName: string };

/** 缴库 obligations, the list and its exports. */
export function remittanceList(db: Db): ResourceList<RemittanceRow> {
  return {
    resource: 'remittances',
    spec: () => ({
      sortable: {
        id: remittances.id,
        dueDate: remittances.dueDate,
        amountFen: remittances.amountFen,
        workingDaysLate: remittances.workingDaysLate,
        heldFenDays: remittances.heldFenDays,
      },
      defaultSort: ['dueDate', 'DESC'],
      idColumn: remittances.id,
      filters: {
        id: (v) => inArray(remittances.id, asIdList('id', v).map(Number)),
        bankId: (v) => inArray(remittances.bankId, asIdList('bankId', v).map(String)),
        status: (v) => inArray(remittances.status, pick(REMITTANCE_STATUSES, v, 'status')),
        dueDate_gte: (v) => gte(remittances.dueDate, asString('dueDate_gte', v)),
        dueDate_lte: (v) => lte(remittances.dueDate, asString('dueDate_lte', v)),
        regionCode: (v) => regionSubtree(remittances.regionCode, asString('regionCode', v)),
      },
    }),
    scope: remittanceScope,
    page: async (where, p) =>
      (
        await db
          .select({ r: remittances, bankName: banks.name })
          .from(remittances)
          .innerJoin(banks, eq(banks.id, remittances.bankId))
          .where(where)
          .orderBy(...p.orderBy)
          .limit(p.limit)
          .offset(p.offset)
      ).map((r) => ({ ...r.r, bankName: r.bankName })),
    count: async (where) => (await db.select({ n: count() }).from(remittances).where(where))[0].n,
  };
}

const rc = exportColumns<RemittanceRow, keyof (typeof remittanceFieldTexts)['en']>(remittanceFieldTexts);
/** Every field of the list record; 占压 (fen·days) in yuan·days. */
export const remittanceExportColumns: ExportColumn<RemittanceRow>[] = [
  rc.col('id', 'number'),
  rc.col('dueDate', 'date'),
  { ...rc.col('bankId', 'id'), label: bankCodeTexts },
  rc.col('bankName', 'text'),
  rc.col('agreementId', 'id'),
  rc.col('regionCode', 'id'),
  rc.col('collectionCount', 'number'),
  rc.col('amountFen', 'money'),
  rc.col('remittedFen', 'money'),
  rc.col('remittedOn', 'date'),
  rc.word('status', remittanceStatusTexts),
  rc.col('workingDaysLate', 'number'),
  rc.col('heldFenDays', 'money'),
  rc.col('refreshedAt', 'instant'),
];

export type RemittanceTransferRow = typeof remittanceTransfers.$inferSelect & { bankName: string };

/** 缴库划款: what the banks sent; a bank sees its own. */
export function remittanceTransferList(db: Db): ResourceList<RemittanceTransferRow> {
  return {
    resource: 'remittance-transfers',
    spec: () => ({
      sortable: { id: remittanceTransfers.id, businessDate: remittanceTransfers.businessDate },
      defaultSort: ['id', 'DESC'],
      idColumn: remittanceTransfers.id,
      filters: {
        id: (v) => inArray(remittanceTransfers.id, asIdList('id', v).map(Number)),
        bankId: (v) => inArray(remittanceTransfers.bankId, asIdList('bankId', v).map(String)),
        reference: (v) => eq(remittanceTransfers.reference, asString('reference', v)),
      },
    }),
    scope: (actor) =>
      actor.role === 'bank' ? eq(remittanceTransfers.bankId, actor.bankId ?? '') : undefined,
    page: async (where, p) =>
      (
        await db
          .select({ t: remittanceTransfers, bankName: banks.name })
          .from(remittanceTransfers)
          .innerJoin(banks, eq(banks.id, remittanceTransfers.bankId))
          .where(where)
          .orderBy(...p.orderBy)
          .limit(p.limit)
          .offset(p.offset)
      ).map((r) => ({ ...r.t, bankName: r.bankName })),
    count: async (where) => (await db.select({ n: count() }).from(remittanceTransfers).where(where))[0].n,
  };
}

const xc = exportColumns<RemittanceTransferRow, keyof (typeof remittanceTransferFieldTexts)['en']>(
  remittanceTransferFieldTexts,
);
export const remittanceTransferExportColumns: ExportColumn<RemittanceTransferRow>[] = [
  xc.col('id', 'number'),
  xc.col('businessDate', 'date'),
  { ...xc.col('bankId', 'id'), label: bankCodeTexts },
  xc.col('bankName', 'text'),
  xc.col('reference', 'id'),
  xc.col('amountFen', 'money'),
  xc.col('transferredAt', 'instant'),
  xc.col('keyId', 'id'),
  xc.col('createdAt', 'instant'),
];

export type TreasuryEntryRow = typeof treasuryEntries.$inferSelect & { treasuryName: string };

/** 国库入库: every entry (the treasury, finance and auditors all see the province's). */
export function treasuryEntryList(db: Db): ResourceList<TreasuryEntryRow> {
  return {
    resource: 'treasury-entries',
    spec: () => ({
      sortable: {
        id: treasuryEntries.id,
        entryDate: treasuryEntries.entryDate,
        amountFen: treasuryEntries.amountFen,
      },
      defaultSort: ['id', 'DESC'],
      idColumn: treasuryEntries.id,
      filters: {
        id: (v) => inArray(treasuryEntries.id, asIdList('id', v).map(Number)),
        transferReference: (v) => eq(treasuryEntries.transferReference, asString('transferReference', v)),
        entryDate_gte: (v) => gte(treasuryEntries.entryDate, asString('entryDate_gte', v)),
        entryDate_lte: (v) => lte(treasuryEntries.entryDate, asString('entryDate_lte', v)),
      },
    }),
    scope: () => undefined,
    page: async (where, p) =>
      (
        await db
          .select({ e: treasuryEntries, treasuryName: treasuries.name })
          .from(treasuryEntries)
          .innerJoin(treasuries, eq(treasuries.id, treasuryEntries.treasuryId))
          .where(where)
          .orderBy(...p.orderBy)
          .limit(p.limit)
          .offset(p.offset)
      ).map((r) => ({ ...r.e, treasuryName: r.treasuryName })),
    count: async (where) => (await db.select({ n: count() }).from(treasuryEntries).where(where))[0].n,
  };
}

const tc = exportColumns<TreasuryEntryRow, keyof (typeof treasuryEntryFieldTexts)['en']>(
  treasuryEntryFieldTexts,
);
export const treasuryEntryExportColumns: ExportColumn<TreasuryEntryRow>[] = [
  tc.col('id', 'number'),
  tc.col('treasuryName', 'text'),
  tc.col('entryDate', 'date'),
  tc.col('amountFen', 'money'),
  tc.col('budgetSubjectCode', 'id'),
  tc.word('budgetLevel', budgetLevelTexts),
  tc.col('transferReference', 'id'),
  tc.word('source', treasuryEntrySourceTexts),
  tc.col('keyId', 'id'),
  tc.col('createdAt', 'instant'),
];

export const entryFeedbackSelect = (db: Db) =>
  db
    .select({
      f: entryFeedback,
      reference: remittanceTransfers.reference,
      businessDate: remittanceTransfers.businessDate,
      bankName: banks.name,
    })
    .from(entryFeedback)
    .innerJoin(remittanceTransfers, eq(remittanceTransfers.id, entryFeedback.transferId))
    .innerJoin(banks, eq(banks.id, entryFeedback.bankId));

export const presentFeedback = (r: Awaited<ReturnType<typeof entryFeedbackSelect>>[number]) => ({
  ...r.f,
  reference: r.reference,
  businessDate: r.businessDate,
  bankName: r.bankName,
});
export type EntryFeedbackRow = ReturnType<typeof presentFeedback>;

export const entryFeedbackScope = (actor: Actor) =>
  actor.role === 'bank' ? eq(entryFeedback.bankId, actor.bankId ?? '') : undefined;

/** 入库反馈: what the treasury found for each transfer; a bank sees its own. */
export function entryFeedbackList(db: Db): ResourceList<EntryFeedbackRow> {
  return {
    resource: 'entry-feedback',
    spec: () => ({
      sortable: {
        id: entryFeedback.id,
        businessDate: remittanceTransfers.businessDate,
        computedAt: entryFeedback.computedAt,
      },
      defaultSort: ['id', 'DESC'],
      idColumn: entryFeedback.id,
      filters: {
        id: (v) => inArray(entryFeedback.id, asIdList('id', v).map(Number)),
        type: (v) => inArray(entryFeedback.type, pick(ENTRY_FEEDBACK_TYPES, v, 'type')),
        bankId: (v) => inArray(entryFeedback.bankId, asIdList('bankId', v).map(String)),
        problem: (v) =>
          asBoolean('problem', v) ? ne(entryFeedback.type, 'entered') : eq(entryFeedback.type, 'entered'),
        acknowledged: (v) =>
          asBoolean('acknowledged', v)
            ? isNotNull(entryFeedback.acknowledgedAt)
            : isNull(entryFeedback.acknowledgedAt),
      },
    }),
    scope: entryFeedbackScope,
    page: async (where, p) =>
      (
        await entryFeedbackSelect(db)
          .where(where)
          .orderBy(...p.orderBy)
          .limit(p.limit)
          .offset(p.offset)
      ).map(presentFeedback),
    count: async (where) =>
      (
        await db
          .select({ n: count() })
          .from(entryFeedback)
          .innerJoin(remittanceTransfers, eq(remittanceTransfers.id, entryFeedback.transferId))
          .where(where)
      )[0].n,
  };
}

const fc = exportColumns<EntryFeedbackRow, keyof (typeof entryFeedbackFieldTexts)['en']>(
  entryFeedbackFieldTexts,
);
export const entryFeedbackExportColumns: ExportColumn<EntryFeedbackRow>[] = [
  fc.col('id', 'number'),
  fc.col('businessDate', 'date'),
  { ...fc.col('bankId', 'id'), label: bankCodeTexts },
  fc.col('bankName', 'text'),
  fc.col('reference', 'id'),
  fc.word('type', entryFeedbackTypeTexts),
  fc.col('expectedFen', 'money'),
  fc.col('enteredFen', 'money'),
  fc.col('computedAt', 'instant'),
  {
    key: 'acknowledged',
    kind: 'text',
    label: fc.label('acknowledged'),
    value: (r, lang) => yesNoTexts[lang][r.acknowledgedAt ? 'yes' : 'no'],
  },
  fc.col('acknowledgedAt', 'instant'),
  fc.col('note', 'text'),
];
