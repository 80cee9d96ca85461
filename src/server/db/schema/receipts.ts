import {
  bigint,
  boolean,
  date,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import {
  MOVEMENT_KINDS,
  RECEIPT_STATUSES,
  REQUEST_STATUSES,
  WRITE_OFF_STATUSES,
} from '../../../domain/receipts';
import { collections, decisions } from './collections';
import { units } from './organisation';
import { refunds } from './refunds';
import { users } from './users';

// Numbers of one type never overlap across purchases, holdings or segments: exclusion constraints in
// migration 0011 enforce it in the database, whatever the code path.

export const receiptTypes = pgTable('receipt_types', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  electronic: boolean('electronic').notNull(),
  copies: integer('copies').notNull(),
});

// 领购 a purchase from the finance receipt centre
export const receiptBatches = pgTable('receipt_batches', {
  id: serial('id').primaryKey(),
  typeCode: text('type_code')
    .notNull()
    .references(() => receiptTypes.code),
  startNo: bigint('start_no', { mode: 'number' }).notNull(),
  endNo: bigint('end_no', { mode: 'number' }).notNull(),
  regionCode: text('region_code').notNull(),
  purchasedOn: date('purchased_on', { mode: 'string' }).notNull(),
  note: text('note'),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/** A range a holder (a region's finance office, or a unit when unitId is set) holds right now. */
export const receiptHoldings = pgTable(
  'receipt_holdings',
  {
    id: serial('id').primaryKey(),
    typeCode: text('type_code')
      .notNull()
      .references(() => receiptTypes.code),
    batchId: integer('batch_id')
      .notNull()
      .references(() => receiptBatches.id),
    startNo: bigint('start_no', { mode: 'number' }).notNull(),
    endNo: bigint('end_no', { mode: 'number' }).notNull(),
    regionCode: text('region_code').notNull(),
    unitId: integer('unit_id').references(() => units.id),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
  },
  (t) => [index('receipt_holdings_holder_idx').on(t.typeCode, t.regionCode, t.unitId)],
);

/** Every purchase, allocation and return, for the balance at any date and a number's history. */
export const receiptMovements = pgTable(
  'receipt_movements',
  {
    id: serial('id').primaryKey(),
    kind: text('kind', { enum: MOVEMENT_KINDS }).notNull(),
    typeCode: text('type_code').notNull(),
    batchId: integer('batch_id')
      .notNull()
      .references(() => receiptBatches.id),
    startNo: bigint('start_no', { mode: 'number' }).notNull(),
    endNo: bigint('end_no', { mode: 'number' }).notNull(),
    fromRegion: text('from_region'),
    fromUnitId: integer('from_unit_id').references(() => units.id),
    toRegion: text('to_region').notNull(),
    toUnitId: integer('to_unit_id').references(() => units.id),
    movedOn: date('moved_on', { mode: 'string' }).notNull(),
    actorId: integer('actor_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('receipt_movements_range_idx').on(t.typeCode, t.startNo)],
);

// 财政电子票据号段 a unit's segment of pre-assigned e-receipt numbers under one 8-digit code
export const eReceiptSegments = pgTable('e_receipt_segments', {
  id: serial('id').primaryKey(),
  unitId: integer('unit_id')
    .notNull()
    .references(() => units.id),
  code: text('code').notNull(),
  startNo: bigint('start_no', { mode: 'number' }).notNull(),
  endNo: bigint('end_no', { mode: 'number' }).notNull(),
  nextNo: bigint('next_no', { mode: 'number' }).notNull(),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
});

export const receipts = pgTable(
  'receipts',
  {
    id: serial('id').primaryKey(),
    typeCode: text('type_code')
      .notNull()
      .references(() => receiptTypes.code),
    // The 8-digit 预附码 for e-receipts; empty for paper stock, whose numbers are unique per type.
    code: text('code').default('').notNull(),
    number: bigint('number', { mode: 'number' }).notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    regionCode: text('region_code').notNull(),
    status: text('status', { enum: RECEIPT_STATUSES }).default('issued').notNull(),
    decisionId: integer('decision_id').references(() => decisions.id),
    collectionId: integer('collection_id').references(() => collections.id),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true, mode: 'date' }).notNull(),
    // null when the system issued it on a bank confirmation
    issuedBy: integer('issued_by').references(() => users.id),
    checkCode: text('check_code'),
    // The payer's link /r/:token; only e-receipts have one.
    token: text('token').unique(),
    voidReason: text('void_reason'),
    voidedAt: timestamp('voided_at', { withTimezone: true, mode: 'date' }),
    voidedBy: integer('voided_by').references(() => users.id),
    // 缴销 / 核销: paper stubs after the write-off is approved, e-receipts at issue
    writtenOffAt: timestamp('written_off_at', { withTimezone: true, mode: 'date' }),
    writeOffId: integer('write_off_id'),
    refundId: integer('refund_id').references(() => refunds.id),
    refundStatus: text('refund_status'),
  },
  (t) => [
    uniqueIndex('receipts_number_uq').on(t.typeCode, t.code, t.number),
    index('receipts_unit_idx').on(t.unitId, t.typeCode, t.issuedOn),
    index('receipts_decision_idx').on(t.decisionId),
  ],
);

/** An e-receipt owed to a confirmed collection while the unit has no free segment number. */
export const eReceiptQueue = pgTable('e_receipt_queue', {
  id: serial('id').primaryKey(),
  collectionId: integer('collection_id')
    .notNull()
    .unique()
    .references(() => collections.id),
  unitId: integer('unit_id')
    .notNull()
    .references(() => units.id),
  reason: text('reason').notNull(),
  queuedAt: timestamp('queued_at', { withTimezone: true, mode: 'date' }).notNull(),
  receiptId: integer('receipt_id').references(() => receipts.id),
});

// 缴销 write-off of used stubs, requested by the unit, approved by finance
export const receiptWriteOffs = pgTable('receipt_write_offs', {
  id: serial('id').primaryKey(),
  unitId: integer('unit_id')
    .notNull()
    .references(() => units.id),
  regionCode: text('region_code').notNull(),
  typeCode: text('type_code').notNull(),
  startNo: bigint('start_no', { mode: 'number' }).notNull(),
  endNo: bigint('end_no', { mode: 'number' }).notNull(),
  count: integer('count').notNull(),
  status: text('status', { enum: WRITE_OFF_STATUSES }).default('requested').notNull(),
  note: text('note'),
  requestedBy: integer('requested_by')
    .notNull()
    .references(() => users.id),
  requestedAt: timestamp('requested_at', { withTimezone: true, mode: 'date' }).notNull(),
  decidedBy: integer('decided_by').references(() => users.id),
  decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
  decisionReason: text('decision_reason'),
});

// 申请领用 a unit asks for more stock; finance fulfils it with an allocation (or declines with a reason)
export const receiptRequests = pgTable('receipt_requests', {
  id: serial('id').primaryKey(),
  unitId: integer('unit_id')
    .notNull()
    .references(() => units.id),
  regionCode: text('region_code').notNull(),
  typeCode: text('type_code').notNull(),
  count: integer('count').notNull(),
  note: text('note'),
  status: text('status', { enum: REQUEST_STATUSES }).default('requested').notNull(),
  requestedBy: integer('requested_by')
    .notNull()
    .references(() => users.id),
  requestedAt: timestamp('requested_at', { withTimezone: true, mode: 'date' }).notNull(),
  decidedBy: integer('decided_by').references(() => users.id),
  decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
  decisionReason: text('decision_reason'),
});
