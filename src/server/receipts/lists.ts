import { type Column, count, eq, gte, inArray, isNull, like, lte, type SQL, sql } from 'drizzle-orm';
import { formatReceiptNumber, maskName, type ReceiptFindingType } from '../../domain';
import {
  eReceiptSegmentFieldTexts,
  fill,
  type Lang,
  receiptBatchFieldTexts,
  receiptFieldTexts,
  receiptFindingDetailTexts,
  receiptFindingFieldTexts,
  receiptFindingTexts,
  receiptHoldingFieldTexts,
  receiptRefundStatusTexts,
  receiptRequestFieldTexts,
  receiptStatusTexts,
  receiptTypeFieldTexts,
  receiptTypeTexts,
  receiptWriteOffFieldTexts,
  requestStatusTexts,
  type Texts,
  writeOffStatusTexts,
  yesNoTexts,
} from '../../domain/i18n';
import type { Actor } from '../../domain/roles';
import type { Db } from '../db/client';
import {
  decisions,
  eReceiptSegments,
  receiptBatches,
  receiptHoldings,
  receiptRequests,
  receipts,
  receiptTypes,
  receiptWriteOffs,
  regions,
  units,
} from '../db/schema';
import { badRequest } from '../http/errors';
import type { CellKind, CellValue, ExportColumn } from '../http/export';
import { asIdList, asString, type FilterValue } from '../http/list-query';
import type { ResourceList } from '../http/resource-list';
import type { Finding } from './reports';

/** Rows of the caller's region, a unit's own only. */
export const unitScope = (actor: Actor, unitColumn: Column, regionColumn: Column): SQL | undefined =>
  actor.role === 'unit' ? eq(unitColumn, actor.unitId ?? -1) : like(regionColumn, `${actor.regionCode}%`);

const typeFilter = (column: Column, v: FilterValue) => inArray(column, asIdList('typeCode', v).map(String));

/** A receipt number as typed: printed e-receipt numbers carry leading zeros (0000000123). */
function receiptNumber(v: FilterValue): number {
  const s = typeof v === 'number' ? String(v) : asString('number', v).trim();
  if (!/^\d{1,12}$/.test(s))
    throw badRequest('Filter "number" must be a receipt number', {
      'filter.number': { code: 'invalid_format' },
    });
  return Number(s);
}

/** Export columns from one resource's field labels. */
function columnsOf<Row, F extends string>(texts: Texts<F>) {
  const label = (key: F) => ({ 'zh-CN': texts['zh-CN'][key], en: texts.en[key] });
  const col = (key: F & keyof Row, kind: CellKind): ExportColumn<Row> => ({
    key,
    kind,
    label: label(key),
    value: (r) => r[key] as CellValue,
  });
  const worded = <K extends string>(
    key: F & keyof Row,
    words: Texts<K>,
    of: (r: Row) => string | null = (r) => r[key] as string | null,
  ): ExportColumn<Row> => ({
    key,
    kind: 'text',
    label: label(key),
    value: (r, lang: Lang) => {
      const v = of(r);
      return v === null ? null : ((words[lang] as Record<string, string>)[v] ?? v);
    },
  });
  return { label, col, worded };
}

// 票种 — reference data everyone reads; its id is its code.
export type ReceiptTypeRow = typeof receiptTypes.$inferSelect & { id: string };
export function receiptTypeList(db: Db): ResourceList<ReceiptTypeRow> {
  return {
    resource: 'receipt-types',
    spec: () => ({
      sortable: { id: receiptTypes.code },
      defaultSort: ['id', 'ASC'],
      idColumn: receiptTypes.code,
      filters: { id: (v) => inArray(receiptTypes.code, asIdList('id', v).map(String)) },
    }),
    scope: () => undefined,
    page: async (where, p) =>
      (
        await db
          .select()
          .from(receiptTypes)
          .where(where)
          .orderBy(...p.orderBy)
          .limit(p.limit)
          .offset(p.offset)
      ).map((r) => ({ ...r, id: r.code })),
    count: async (where) => (await db.select({ n: count() }).from(receiptTypes).where(where))[0].n,
  };
}
const type = columnsOf<ReceiptTypeRow, keyof (typeof receiptTypeFieldTexts)['en']>(receiptTypeFieldTexts);
export const receiptTypeExportColumns: ExportColumn<ReceiptTypeRow>[] = [
  type.col('code', 'id'),
  type.col('name', 'text'),
  type.col('nameEn', 'text'),
  type.worded('electronic', yesNoTexts, (r) => (r.electronic ? 'yes' : 'no')),
  type.col('copies', 'number'),
];

// 票据领购 — finance's purchases, province-wide for the caller's province.
export type ReceiptBatchRow = typeof receiptBatches.$inferSelect & { count: number };
export function receiptBatchList(db: Db): ResourceList<ReceiptBatchRow> {
  return {
    resource: 'receipt-batches',
    spec: () => ({
      sortable: {
        id: receiptBatches.id,
        startNo: receiptBatches.startNo,
        purchasedOn: receiptBatches.purchasedOn,
      },
      defaultSort: ['id', 'DESC'],
      idColumn: receiptBatches.id,
      filters: {
        id: (v) => inArray(receiptBatches.id, asIdList('id', v).map(Number)),
        typeCode: (v) => typeFilter(receiptBatches.typeCode, v),
      },
    }),
    scope: (actor) => like(receiptBatches.regionCode, `${actor.regionCode.slice(0, 2)}%`),
    page: async (where, p) =>
      (
        await db
          .select()
          .from(receiptBatches)
          .where(where)
          .orderBy(...p.orderBy)
          .limit(p.limit)
          .offset(p.offset)
      ).map((r) => ({ ...r, count: r.endNo - r.startNo + 1 })),
    count: async (where) => (await db.select({ n: count() }).from(receiptBatches).where(where))[0].n,
  };
}
const batch = columnsOf<ReceiptBatchRow, keyof (typeof receiptBatchFieldTexts)['en']>(receiptBatchFieldTexts);
export const receiptBatchExportColumns: ExportColumn<ReceiptBatchRow>[] = [
  batch.col('id', 'id'),
  batch.worded('typeCode', receiptTypeTexts),
  batch.col('startNo', 'id'),
  batch.col('endNo', 'id'),
  batch.col('count', 'number'),
  batch.col('regionCode', 'id'),
  batch.col('purchasedOn', 'date'),
  batch.col('note', 'text'),
  batch.col('createdAt', 'instant'),
];

// 票据库存 — the stock tree: a region's finance office or a unit holds each range.
export type ReceiptHoldingRow = typeof receiptHoldings.$inferSelect & { count: number; holderName: string };
export const holdingTreeKey = sql<string>`${receiptHoldings.regionCode} || '/' || lpad(coalesce(${receiptHoldings.unitId}, 0)::text, 6, '0') || '/' || ${receiptHoldings.typeCode}`;
export function receiptHoldingList(db: Db): ResourceList<ReceiptHoldingRow> {
  return {
    resource: 'receipt-holdings',
    spec: () => ({
      sortable: {
        id: receiptHoldings.id,
        startNo: receiptHoldings.startNo,
        // The stock tree: a region's own rows, then its units', then the next region down.
        regionCode: holdingTreeKey,
      },
      defaultSort: ['regionCode', 'ASC'],
      idColumn: receiptHoldings.id,
      maxPageSize: 5000,
      filters: {
        id: (v) => inArray(receiptHoldings.id, asIdList('id', v).map(Number)),
        typeCode: (v) => typeFilter(receiptHoldings.typeCode, v),
        unitId: (v) => inArray(receiptHoldings.unitId, asIdList('unitId', v).map(Number)),
        regionCode: (v) => like(receiptHoldings.regionCode, `${asString('regionCode', v)}%`),
        regionOnly: (v) => (v === true ? isNull(receiptHoldings.unitId) : undefined),
      },
    }),
    scope: (actor) =>
      actor.role === 'unit'
        ? eq(receiptHoldings.unitId, actor.unitId ?? -1)
        : like(receiptHoldings.regionCode, `${actor.regionCode}%`),
    page: async (where, p) =>
      (
        await db
          .select({ h: receiptHoldings, unitName: units.name, regionName: regions.name })
          .from(receiptHoldings)
          .leftJoin(units, eq(units.id, receiptHoldings.unitId))
          .innerJoin(regions, eq(regions.code, receiptHoldings.regionCode))
          .where(where)
          .orderBy(...p.orderBy)
          .limit(p.limit)
          .offset(p.offset)
      ).map((r) => ({
        ...r.h,
        count: r.h.endNo - r.h.startNo + 1,
        holderName: r.unitName ?? `${r.regionName} 财政`,
      })),
    count: async (where) => (await db.select({ n: count() }).from(receiptHoldings).where(where))[0].n,
    sortValue: (r, field) =>
      field === 'regionCode'
        ? `${r.regionCode}/${String(r.unitId ?? 0).padStart(6, '0')}/${r.typeCode}`
        : (r as Record<string, unknown>)[field],
  };
}
const holding = columnsOf<ReceiptHoldingRow, keyof (typeof receiptHoldingFieldTexts)['en']>(
  receiptHoldingFieldTexts,
);
export const receiptHoldingExportColumns: ExportColumn<ReceiptHoldingRow>[] = [
  holding.col('holderName', 'text'),
  holding.col('regionCode', 'id'),
  holding.col('unitId', 'id'),
  holding.worded('typeCode', receiptTypeTexts),
  holding.col('batchId', 'id'),
  holding.col('startNo', 'id'),
  holding.col('endNo', 'id'),
  holding.col('count', 'number'),
  holding.col('receivedOn', 'date'),
];

// 票据 — issued receipts; the payer's name masked, the payer's link token never in a list.
export type ReceiptRow = Omit<typeof receipts.$inferSelect, 'token'> & {
  token: undefined;
  unitName: string | null;
  decisionNumber: string | null;
  payerName: string | null;
  writtenOff: boolean;
};
export const presentReceipt = (
  r: typeof receipts.$inferSelect,
  extra: { unitName?: string | null; partyName?: string | null; decisionNumber?: string | null },
): ReceiptRow => ({
  ...r,
  token: undefined,
  unitName: extra.unitName ?? null,
  decisionNumber: extra.decisionNumber ?? null,
  payerName: extra.partyName ? maskName(extra.partyName) : null,
  writtenOff: r.writtenOffAt !== null,
});
export function receiptList(db: Db): ResourceList<ReceiptRow> {
  return {
    resource: 'receipts',
    spec: () => ({
      sortable: {
        id: receipts.id,
        number: receipts.number,
        issuedOn: receipts.issuedOn,
        amountFen: receipts.amountFen,
      },
      defaultSort: ['id', 'DESC'],
      idColumn: receipts.id,
      filters: {
        id: (v) => inArray(receipts.id, asIdList('id', v).map(Number)),
        typeCode: (v) => typeFilter(receipts.typeCode, v),
        status: (v) => inArray(receipts.status, asIdList('status', v).map(String) as ('issued' | 'void')[]),
        unitId: (v) => inArray(receipts.unitId, asIdList('unitId', v).map(Number)),
        decisionId: (v) => inArray(receipts.decisionId, asIdList('decisionId', v).map(Number)),
        number: (v) => eq(receipts.number, receiptNumber(v)),
        decisionNumber: (v) =>
          inArray(
            receipts.decisionId,
            db
              .select({ id: decisions.id })
              .from(decisions)
              .where(eq(decisions.decisionNumber, asString('decisionNumber', v).trim())),
          ),
        issuedOn_gte: (v) => gte(receipts.issuedOn, asString('issuedOn_gte', v)),
        issuedOn_lte: (v) => lte(receipts.issuedOn, asString('issuedOn_lte', v)),
      },
    }),
    scope: (actor) => unitScope(actor, receipts.unitId, receipts.regionCode),
    page: async (where, p) =>
      (
        await db
          .select({
            r: receipts,
            unitName: units.name,
            partyName: decisions.partyName,
            decisionNumber: decisions.decisionNumber,
          })
          .from(receipts)
          .innerJoin(units, eq(units.id, receipts.unitId))
          .leftJoin(decisions, eq(decisions.id, receipts.decisionId))
          .where(where)
          .orderBy(...p.orderBy)
          .limit(p.limit)
          .offset(p.offset)
      ).map((r) => presentReceipt(r.r, r)),
    count: async (where) => (await db.select({ n: count() }).from(receipts).where(where))[0].n,
  };
}
const receipt = columnsOf<ReceiptRow, keyof (typeof receiptFieldTexts)['en']>(receiptFieldTexts);
export const receiptExportColumns: ExportColumn<ReceiptRow>[] = [
  receipt.col('id', 'id'),
  receipt.worded('typeCode', receiptTypeTexts),
  receipt.col('code', 'id'),
  {
    key: 'number',
    kind: 'id',
    label: receipt.label('number'),
    // As printed: e-receipt numbers with their leading zeros.
    value: (r) => (r.code ? formatReceiptNumber(r.number) : String(r.number)),
  },
  receipt.col('checkCode', 'id'),
  receipt.worded('status', receiptStatusTexts),
  receipt.col('issuedOn', 'date'),
  receipt.col('issuedAt', 'instant'),
  receipt.col('unitName', 'text'),
  receipt.col('regionCode', 'id'),
  receipt.col('decisionNumber', 'id'),
  receipt.col('payerName', 'text'),
  receipt.col('amountFen', 'money'),
  receipt.col('voidReason', 'text'),
  receipt.col('voidedAt', 'instant'),
  receipt.worded('writtenOff', yesNoTexts, (r) => (r.writtenOff ? 'yes' : 'no')),
  receipt.col('writtenOffAt', 'instant'),
  receipt.worded('refundStatus', receiptRefundStatusTexts),
];

// 票据缴销
export type ReceiptWriteOffRow = typeof receiptWriteOffs.$inferSelect & { unitName: string };
export function receiptWriteOffList(db: Db): ResourceList<ReceiptWriteOffRow> {
  return {
    resource: 'receipt-write-offs',
    spec: () => ({
      sortable: { id: receiptWriteOffs.id, requestedAt: receiptWriteOffs.requestedAt },
      defaultSort: ['id', 'DESC'],
      idColumn: receiptWriteOffs.id,
      filters: {
        id: (v) => inArray(receiptWriteOffs.id, asIdList('id', v).map(Number)),
        status: (v) =>
          inArray(
            receiptWriteOffs.status,
            asIdList('status', v).map(String) as ('requested' | 'approved' | 'rejected')[],
          ),
      },
    }),
    scope: (actor) => unitScope(actor, receiptWriteOffs.unitId, receiptWriteOffs.regionCode),
    page: async (where, p) =>
      (
        await db
          .select({ w: receiptWriteOffs, unitName: units.name })
          .from(receiptWriteOffs)
          .innerJoin(units, eq(units.id, receiptWriteOffs.unitId))
          .where(where)
          .orderBy(...p.orderBy)
          .limit(p.limit)
          .offset(p.offset)
      ).map((r) => ({ ...r.w, unitName: r.unitName })),
    count: async (where) => (await db.select({ n: count() }).from(receiptWriteOffs).where(where))[0].n,
  };
}
const writeOff = columnsOf<ReceiptWriteOffRow, keyof (typeof receiptWriteOffFieldTexts)['en']>(
  receiptWriteOffFieldTexts,
);
export const receiptWriteOffExportColumns: ExportColumn<ReceiptWriteOffRow>[] = [
  writeOff.col('id', 'id'),
  writeOff.col('unitName', 'text'),
  writeOff.col('regionCode', 'id'),
  writeOff.worded('typeCode', receiptTypeTexts),
  writeOff.col('startNo', 'id'),
  writeOff.col('endNo', 'id'),
  writeOff.col('count', 'number'),
  writeOff.worded('status', writeOffStatusTexts),
  writeOff.col('requestedAt', 'instant'),
  writeOff.col('decidedAt', 'instant'),
  writeOff.col('decisionReason', 'text'),
  writeOff.col('note', 'text'),
];

// 申请领用 — a unit sees its own requests, finance and the auditor their region's; in the query.
export type ReceiptRequestRow = typeof receiptRequests.$inferSelect & { unitName: string };
export function receiptRequestList(db: Db): ResourceList<ReceiptRequestRow> {
  return {
    resource: 'receipt-requests',
    spec: () => ({
      sortable: { id: receiptRequests.id, requestedAt: receiptRequests.requestedAt },
      defaultSort: ['id', 'DESC'],
      idColumn: receiptRequests.id,
      filters: {
        id: (v) => inArray(receiptRequests.id, asIdList('id', v).map(Number)),
        status: (v) =>
          inArray(
            receiptRequests.status,
            asIdList('status', v).map(String) as ('requested' | 'fulfilled' | 'rejected')[],
          ),
      },
    }),
    scope: (actor) => unitScope(actor, receiptRequests.unitId, receiptRequests.regionCode),
    page: async (where, p) =>
      (
        await db
          .select({ r: receiptRequests, unitName: units.name })
          .from(receiptRequests)
          .innerJoin(units, eq(units.id, receiptRequests.unitId))
          .where(where)
          .orderBy(...p.orderBy)
          .limit(p.limit)
          .offset(p.offset)
      ).map((r) => ({ ...r.r, unitName: r.unitName })),
    count: async (where) => (await db.select({ n: count() }).from(receiptRequests).where(where))[0].n,
  };
}
const request = columnsOf<ReceiptRequestRow, keyof (typeof receiptRequestFieldTexts)['en']>(
  receiptRequestFieldTexts,
);
export const receiptRequestExportColumns: ExportColumn<ReceiptRequestRow>[] = [
  request.col('id', 'id'),
  request.col('unitName', 'text'),
  request.col('regionCode', 'id'),
  request.worded('typeCode', receiptTypeTexts),
  request.col('count', 'number'),
  request.col('note', 'text'),
  request.worded('status', requestStatusTexts),
  request.col('requestedAt', 'instant'),
  request.col('decidedAt', 'instant'),
  request.col('decisionReason', 'text'),
];

// 电子票据号段
export type EReceiptSegmentRow = typeof eReceiptSegments.$inferSelect & {
  unitName: string;
  total: number;
  remaining: number;
};
export function eReceiptSegmentList(db: Db): ResourceList<EReceiptSegmentRow> {
  const from = () =>
    db.select({ n: count() }).from(eReceiptSegments).innerJoin(units, eq(units.id, eReceiptSegments.unitId));
  return {
    resource: 'e-receipt-segments',
    spec: () => ({
      sortable: { id: eReceiptSegments.id },
      defaultSort: ['id', 'DESC'],
      idColumn: eReceiptSegments.id,
      filters: {
        id: (v) => inArray(eReceiptSegments.id, asIdList('id', v).map(Number)),
        unitId: (v) => inArray(eReceiptSegments.unitId, asIdList('unitId', v).map(Number)),
      },
    }),
    scope: (actor) => unitScope(actor, eReceiptSegments.unitId, units.regionCode),
    page: async (where, p) =>
      (
        await db
          .select({ s: eReceiptSegments, unitName: units.name })
          .from(eReceiptSegments)
          .innerJoin(units, eq(units.id, eReceiptSegments.unitId))
          .where(where)
          .orderBy(...p.orderBy)
          .limit(p.limit)
          .offset(p.offset)
      ).map((r) => ({
        ...r.s,
        unitName: r.unitName,
        total: r.s.endNo - r.s.startNo + 1,
        remaining: r.s.endNo - r.s.nextNo + 1,
      })),
    count: async (where) => (await from().where(where))[0].n,
  };
}
const segment = columnsOf<EReceiptSegmentRow, keyof (typeof eReceiptSegmentFieldTexts)['en']>(
  eReceiptSegmentFieldTexts,
);
export const eReceiptSegmentExportColumns: ExportColumn<EReceiptSegmentRow>[] = [
  segment.col('id', 'id'),
  segment.col('unitName', 'text'),
  segment.col('code', 'id'),
  segment.col('startNo', 'id'),
  segment.col('endNo', 'id'),
  segment.col('nextNo', 'id'),
  segment.col('total', 'number'),
  segment.col('remaining', 'number'),
  segment.col('createdAt', 'instant'),
];

// 票据预警 — computed per unit; worded as the list words it.
const finding = columnsOf<Finding, keyof (typeof receiptFindingFieldTexts)['en']>(receiptFindingFieldTexts);
export const receiptFindingExportColumns: ExportColumn<Finding>[] = [
  finding.worded('type', receiptFindingTexts),
  finding.col('unitName', 'text'),
  finding.worded('typeCode', receiptTypeTexts),
  finding.col('count', 'number'),
  {
    key: 'detail',
    kind: 'text',
    label: finding.label('detail'),
    value: (r, lang) =>
      fill(receiptFindingDetailTexts[lang][r.type as ReceiptFindingType], { count: r.count }),
  },
];
