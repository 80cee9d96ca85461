import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { AGREEMENT_STATUSES, DATA_EXCHANGE_METHODS, REMITTANCE_METHODS } from '../../../domain/agreements';
import { timestamps, versioned } from './common';
import { banks, regions } from './organisation';
import { users } from './users';

// 代理银行协议 agent-bank agreement
export const agreements = pgTable(
  'agreements',
  {
    id: serial('id').primaryKey(),
    bankId: text('bank_id')
      .notNull()
      .references(() => banks.id),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    agreementNo: text('agreement_no').notNull().unique(),
    accountName: text('account_name').notNull(),
    accountNumber: text('account_number').notNull(),
    accountBranch: text('account_branch').notNull(),
    remittanceMethod: text('remittance_method', { enum: REMITTANCE_METHODS }).notNull(),
    dataExchangeMethod: text('data_exchange_method', { enum: DATA_EXCHANGE_METHODS }).notNull(),
    cutoffTime: text('cutoff_time').notNull(),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    effectiveTo: date('effective_to', { mode: 'string' }),
    filedOn: date('filed_on', { mode: 'string' }),
    filingReference: text('filing_reference'),
    status: text('status', { enum: AGREEMENT_STATUSES }).default('draft').notNull(),
    note: text('note'),
    createdBy: integer('created_by').references(() => users.id),
    ...versioned,
    ...timestamps,
  },
  (t) => [
    // Equality filters first, then the region scope: list counts are answered from the index alone.
    index('agreements_status_region_idx').on(t.status, t.regionCode, t.id),
    index('agreements_bank_status_region_idx').on(t.bankId, t.status, t.regionCode, t.id),
    index('agreements_region_idx').on(t.regionCode.op('text_pattern_ops')),
    index('agreements_unfiled_idx').on(t.signedOn).where(sql`filed_on is null`),
  ],
);

export const agreementEvents = pgTable(
  'agreement_events',
  {
    id: serial('id').primaryKey(),
    agreementId: integer('agreement_id')
      .notNull()
      .references(() => agreements.id),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    reason: text('reason'),
    actorId: integer('actor_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('agreement_events_agreement_idx').on(t.agreementId, t.at)],
);

// 监管意见 supervision note written by the central bank's treasury on a bank and period
export const supervisionNotes = pgTable(
  'supervision_notes',
  {
    id: serial('id').primaryKey(),
    bankId: text('bank_id')
      .notNull()
      .references(() => banks.id),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    agreementId: integer('agreement_id').references(() => agreements.id),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    text: text('text').notNull(),
    authorId: integer('author_id').references(() => users.id),
    ...versioned,
    ...timestamps,
  },
  (t) => [index('supervision_notes_bank_idx').on(t.bankId, t.periodStart)],
);
