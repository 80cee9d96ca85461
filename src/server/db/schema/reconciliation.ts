import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { DISCREPANCY_STATES, DISCREPANCY_TYPES, RUN_STATUSES } from '../../../domain/reconciliation';
import { STATEMENT_STATUSES } from '../../../domain/reports';
import { banks, units } from './organisation';
import { users } from './users';

// 对账 run: a period (day or month), optionally one bank, worked in chunks of one bank and one day.
export const reconciliationRuns = pgTable('reconciliation_runs', {
  id: serial('id').primaryKey(),
  periodType: text('period_type', { enum: ['day', 'month'] }).notNull(),
  periodStart: date('period_start', { mode: 'string' }).notNull(),
  bankId: text('bank_id').references(() => banks.id),
  status: text('status', { enum: RUN_STATUSES }).notNull(),
  chunksTotal: integer('chunks_total').notNull(),
  chunksDone: integer('chunks_done').notNull(),
  found: integer('found').notNull(),
  error: text('error'),
  startedBy: integer('started_by')
    .notNull()
    .references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
});

// One finding per bank, business day, type and the record it is about; a re-run updates it in place.
export const discrepancies = pgTable(
  'discrepancies',
  {
    id: serial('id').primaryKey(),
    runId: integer('run_id')
      .notNull()
      .references(() => reconciliationRuns.id),
    bankId: text('bank_id')
      .notNull()
      .references(() => banks.id),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    type: text('type', { enum: DISCREPANCY_TYPES }).notNull(),
    refKey: text('ref_key').notNull(),
    platformFen: bigint('platform_fen', { mode: 'number' }),
    bankFen: bigint('bank_fen', { mode: 'number' }),
    owner: text('owner').notNull(),
    state: text('state', { enum: DISCREPANCY_STATES }).default('open').notNull(),
    note: text('note'),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    unique('discrepancies_finding_uq').on(t.bankId, t.businessDate, t.type, t.refKey),
    index('discrepancies_type_state_idx').on(t.type, t.state),
  ],
);

// Sign-off of a month for one bank by finance, police and the bank; all three lock the period.
export const reconciliationSignoffs = pgTable(
  'reconciliation_signoffs',
  {
    id: serial('id').primaryKey(),
    month: text('month').notNull(),
    bankId: text('bank_id')
      .notNull()
      .references(() => banks.id),
    role: text('role', { enum: ['finance', 'police', 'bank'] }).notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [unique('signoffs_uq').on(t.month, t.bankId, t.role)],
);

/** One line of a 对账表: a budget subject and level, what was collected and what the treasury entered. */
export interface StatementLineRecord {
  budgetSubjectCode: string | null;
  budgetLevel: string | null;
  count: number;
  collectedFen: number;
  enteredFen: number;
}

// 国库对账表: the treasury's monthly statement per unit and bank, confirmed or disputed by the unit.
export const reconciliationStatements = pgTable(
  'reconciliation_statements',
  {
    id: serial('id').primaryKey(),
    month: text('month').notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    bankId: text('bank_id')
      .notNull()
      .references(() => banks.id),
    regionCode: text('region_code').notNull(),
    count: integer('count').notNull(),
    collectedFen: bigint('collected_fen', { mode: 'number' }).notNull(),
    enteredFen: bigint('entered_fen', { mode: 'number' }).notNull(),
    lines: jsonb('lines').$type<StatementLineRecord[]>().notNull(),
    status: text('status', { enum: STATEMENT_STATUSES }).default('produced').notNull(),
    note: text('note'),
    producedBy: integer('produced_by')
      .notNull()
      .references(() => users.id),
    producedAt: timestamp('produced_at', { withTimezone: true, mode: 'date' }).notNull(),
    answeredBy: integer('answered_by').references(() => users.id),
    answeredAt: timestamp('answered_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    unique('reconciliation_statements_uq').on(t.month, t.unitId, t.bankId),
    index('reconciliation_statements_unit_idx').on(t.unitId, t.month),
  ],
);
