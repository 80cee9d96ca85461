import { sql } from 'drizzle-orm';
import {
  bigint,
  customType,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { REFUND_REASONS, REFUND_STATUSES } from '../../../domain/refunds';
import { decisions } from './collections';
import { timestamps, versioned } from './common';
import { units } from './organisation';
import { users } from './users';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

// 退付 refund application, from the unit's draft to the treasury's execution
export const refunds = pgTable(
  'refunds',
  {
    id: serial('id').primaryKey(),
    decisionId: integer('decision_id')
      .notNull()
      .references(() => decisions.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    regionCode: text('region_code').notNull(),
    reason: text('reason', { enum: REFUND_REASONS }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    payeeName: text('payee_name').notNull(),
    payeeAccount: text('payee_account').notNull(),
    payeeBank: text('payee_bank').notNull(),
    note: text('note'),
    status: text('status', { enum: REFUND_STATUSES }).default('draft').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'date' }),
    approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'date' }),
    executedAt: timestamp('executed_at', { withTimezone: true, mode: 'date' }),
    lastReason: text('last_reason'),
    ...versioned,
    ...timestamps,
  },
  (t) => [
    index('refunds_status_idx').on(t.status, t.id),
    index('refunds_decision_idx').on(t.decisionId),
    index('refunds_unit_idx').on(t.unitId, t.id),
    // One pending refund per decision and reason, enforced by the database as well as the service.
    uniqueIndex('refunds_one_pending_uq')
      .on(t.decisionId, t.reason)
      .where(sql`status in ('draft','submitted','reviewed','approved','voucher_issued','failed')`),
  ],
);

export const refundApprovals = pgTable(
  'refund_approvals',
  {
    refundId: integer('refund_id')
      .notNull()
      .references(() => refunds.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.refundId, t.userId] })],
);

export const refundEvents = pgTable(
  'refund_events',
  {
    id: serial('id').primaryKey(),
    refundId: integer('refund_id')
      .notNull()
      .references(() => refunds.id),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorId: integer('actor_id')
      .notNull()
      .references(() => users.id),
    reason: text('reason'),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('refund_events_refund_idx').on(t.refundId, t.id)],
);

// Evidence (PDF/JPEG/PNG, checked by content), kept in the database with the application.
export const refundAttachments = pgTable(
  'refund_attachments',
  {
    id: serial('id').primaryKey(),
    refundId: integer('refund_id')
      .notNull()
      .references(() => refunds.id),
    filename: text('filename').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: integer('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('refund_attachments_refund_idx').on(t.refundId)],
);

// 收入退还书 refund voucher: numbered per issue year without gaps; a reissue supersedes the earlier one.
export const refundVouchers = pgTable(
  'refund_vouchers',
  {
    id: serial('id').primaryKey(),
    refundId: integer('refund_id')
      .notNull()
      .references(() => refunds.id),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    number: text('number').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    issuedBy: integer('issued_by')
      .notNull()
      .references(() => users.id),
    supersededAt: timestamp('superseded_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    unique('refund_vouchers_year_seq_uq').on(t.year, t.seq),
    index('refund_vouchers_refund_idx').on(t.refundId),
  ],
);

export const voucherCounters = pgTable('voucher_counters', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull(),
});
