import { bigint, date, index, integer, pgTable, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { BUDGET_LEVELS } from '../../../domain/master-data';
import { ENTRY_FEEDBACK_TYPES, REMITTANCE_STATUSES } from '../../../domain/remittances';
import { agreements } from './agreements';
import { collections } from './collections';
import { treasuries } from './master-data';
import { banks } from './organisation';
import { users } from './users';

// 缴库 obligation: what a bank must remit under one agreement on one due date (rebuilt from collections).
export const remittances = pgTable(
  'remittances',
  {
    id: serial('id').primaryKey(),
    agreementId: integer('agreement_id')
      .notNull()
      .references(() => agreements.id),
    bankId: text('bank_id')
      .notNull()
      .references(() => banks.id),
    regionCode: text('region_code').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    collectionCount: integer('collection_count').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    remittedFen: bigint('remitted_fen', { mode: 'number' }).notNull(),
    remittedOn: date('remitted_on', { mode: 'string' }),
    status: text('status', { enum: REMITTANCE_STATUSES }).notNull(),
    workingDaysLate: integer('working_days_late').notNull(),
    heldFenDays: bigint('held_fen_days', { mode: 'number' }).notNull(),
    refreshedAt: timestamp('refreshed_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    unique('remittances_agreement_due_uq').on(t.agreementId, t.dueDate),
    index('remittances_bank_due_idx').on(t.bankId, t.dueDate),
    index('remittances_status_idx').on(t.status, t.dueDate),
  ],
);

// What a bank actually sent to the treasury, and which collections it covers.
export const remittanceTransfers = pgTable(
  'remittance_transfers',
  {
    id: serial('id').primaryKey(),
    bankId: text('bank_id')
      .notNull()
      .references(() => banks.id),
    reference: text('reference').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    transferredAt: timestamp('transferred_at', { withTimezone: true, mode: 'date' }).notNull(),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    keyId: text('key_id'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    unique('remittance_transfers_ref_uq').on(t.bankId, t.reference),
    index('remittance_transfers_date_idx').on(t.businessDate),
  ],
);

export const remittanceTransferItems = pgTable(
  'remittance_transfer_items',
  {
    transferId: integer('transfer_id')
      .notNull()
      .references(() => remittanceTransfers.id),
    collectionId: bigint('collection_id', { mode: 'number' })
      .notNull()
      .references(() => collections.id),
  },
  // A collection is remitted once.
  (t) => [
    unique('remittance_items_collection_uq').on(t.collectionId),
    index('remittance_items_transfer_idx').on(t.transferId),
  ],
);

// 入库 treasury entry, typed in, imported from the treasury's daily file, or posted by its system.
export const treasuryEntries = pgTable(
  'treasury_entries',
  {
    id: serial('id').primaryKey(),
    treasuryId: integer('treasury_id')
      .notNull()
      .references(() => treasuries.id),
    entryDate: date('entry_date', { mode: 'string' }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    budgetSubjectCode: text('budget_subject_code').notNull(),
    budgetLevel: text('budget_level', { enum: BUDGET_LEVELS }).notNull(),
    transferReference: text('transfer_reference').notNull(),
    source: text('source', { enum: ['manual', 'import', 'api'] }).notNull(),
    createdBy: integer('created_by').references(() => users.id),
    keyId: text('key_id'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('treasury_entries_ref_idx').on(t.transferReference),
    index('treasury_entries_date_idx').on(t.entryDate),
  ],
);

// 入库反馈: the result of matching a transfer with its entries, for finance to acknowledge.
export const entryFeedback = pgTable(
  'entry_feedback',
  {
    id: serial('id').primaryKey(),
    transferId: integer('transfer_id')
      .notNull()
      .references(() => remittanceTransfers.id)
      .unique(),
    bankId: text('bank_id').notNull(),
    type: text('type', { enum: ENTRY_FEEDBACK_TYPES }).notNull(),
    expectedFen: bigint('expected_fen', { mode: 'number' }).notNull(),
    enteredFen: bigint('entered_fen', { mode: 'number' }).notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true, mode: 'date' }).notNull(),
    acknowledgedBy: integer('acknowledged_by').references(() => users.id),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true, mode: 'date' }),
    note: text('note'),
  },
  (t) => [index('entry_feedback_type_idx').on(t.type, t.id)],
);
