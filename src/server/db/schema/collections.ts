import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { COLLECTION_CHANNELS, FLAG_TYPES, PAYMENT_STATUSES } from '../../../domain/decisions';
import type { FlagDetail } from '../../../domain/i18n/flags';
import type { Coded } from '../../../domain/i18n/format';
import { timestamps, versioned } from './common';
import { billingCodes } from './master-data';
import { banks, units } from './organisation';
import { users } from './users';

// 处罚决定书 penalty decision. region_code is the unit's, for scope and future sharding.
export const decisions = pgTable(
  'decisions',
  {
    id: serial('id').primaryKey(),
    decisionNumber: text('decision_number').notNull().unique(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    regionCode: text('region_code').notNull(),
    billingCodeId: integer('billing_code_id').references(() => billingCodes.id),
    projectCode: text('project_code').notNull(),
    fineFen: bigint('fine_fen', { mode: 'number' }).notNull(),
    servedOn: date('served_on', { mode: 'string' }).notNull(),
    partyName: text('party_name').notNull(),
    idNumber: text('id_number').notNull(),
    licenceNumber: text('licence_number'),
    plate: text('plate'),
    suspensions: jsonb('suspensions').$type<{ from: string; to: string }[]>().default([]).notNull(),
    paymentStatus: text('payment_status', { enum: PAYMENT_STATUSES }).default('unpaid').notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true, mode: 'date' }),
    ...versioned,
    ...timestamps,
  },
  (t) => [
    index('decisions_unit_idx').on(t.unitId, t.id),
    index('decisions_status_idx').on(t.paymentStatus, t.id),
    index('decisions_region_idx').on(t.regionCode.op('text_pattern_ops')),
    // Police and auditors look a decision up by the full plate, ID number or party name.
    index('decisions_plate_idx').on(t.plate),
    index('decisions_id_number_idx').on(t.idNumber),
    index('decisions_party_name_idx').on(t.partyName),
  ],
);

// 已缴款 status history: every change, from where and why
export const decisionEvents = pgTable(
  'decision_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    decisionId: integer('decision_id')
      .notNull()
      .references(() => decisions.id),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    source: text('source', { enum: ['bank', 'manual', 'refund', 'import'] }).notNull(),
    actorId: integer('actor_id').references(() => users.id),
    keyId: text('key_id'),
    /** What a person wrote; system-made events carry `detail` instead. */
    reason: text('reason'),
    /** A code the SPA words (bank collection, executed refund); English reasons migrated in 0013. */
    detail: jsonb('detail').$type<Coded>(),
    collectionId: bigint('collection_id', { mode: 'number' }),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('decision_events_decision_idx').on(t.decisionId, t.at)],
);

// A collection is a fact (the money moved): always stored, matched to its decision when known.
export const collections = pgTable(
  'collections',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    bankId: text('bank_id')
      .notNull()
      .references(() => banks.id),
    bankTxnId: text('bank_txn_id').notNull(),
    decisionNumber: text('decision_number').notNull(),
    decisionId: integer('decision_id').references(() => decisions.id),
    regionCode: text('region_code'),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    expectedFen: bigint('expected_fen', { mode: 'number' }),
    channel: text('channel', { enum: COLLECTION_CHANNELS }).notNull(),
    collectedAt: timestamp('collected_at', { withTimezone: true, mode: 'date' }).notNull(),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull(),
    matchedAt: timestamp('matched_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    unique('collections_bank_txn_uq').on(t.bankId, t.bankTxnId),
    index('collections_decision_idx').on(t.decisionId),
    index('collections_orphan_idx').on(t.decisionNumber).where(sql`decision_id is null`),
    index('collections_bank_date_idx').on(t.bankId, t.businessDate),
    // The collections list's default order and its exports' keyset pages.
    index('collections_collected_at_idx').on(t.collectedAt, t.id),
  ],
);

export const paidStatusFlags = pgTable(
  'paid_status_flags',
  {
    id: serial('id').primaryKey(),
    type: text('type', { enum: FLAG_TYPES }).notNull(),
    decisionId: integer('decision_id').references(() => decisions.id),
    collectionId: bigint('collection_id', { mode: 'number' }),
    regionCode: text('region_code'),
    /** Why the flag was raised, as a code the SPA words (`FlagDetail`); English texts migrated in 0013. */
    detail: jsonb('detail').$type<FlagDetail>(),
    state: text('state', { enum: ['open', 'reviewed'] })
      .default('open')
      .notNull(),
    reviewNote: text('review_note'),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('paid_status_flags_state_type_idx').on(t.state, t.type, t.id),
    index('paid_status_flags_decision_idx').on(t.decisionId),
    // The collections list counts each row's open flags.
    index('paid_status_flags_collection_idx').on(t.collectionId),
  ],
);

// Keys of the institutions that call the machine API; the secret is stored AES-256-GCM encrypted.
export const institutionKeys = pgTable('institution_keys', {
  id: text('id').primaryKey(),
  institution: text('institution', { enum: ['bank', 'police', 'treasury'] }).notNull(),
  bankId: text('bank_id').references(() => banks.id),
  secretEnc: text('secret_enc').notNull(),
  status: text('status', { enum: ['active', 'revoked'] })
    .default('active')
    .notNull(),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'date' }),
});

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    keyId: text('key_id').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code').notNull(),
    response: jsonb('response').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.keyId, t.idempotencyKey] })],
);

// Manual status correction: proposed by one police user, confirmed or rejected by another.
export const statusCorrections = pgTable('status_corrections', {
  id: serial('id').primaryKey(),
  decisionId: integer('decision_id')
    .notNull()
    .references(() => decisions.id),
  toStatus: text('to_status', { enum: PAYMENT_STATUSES }).notNull(),
  reason: text('reason').notNull(),
  state: text('state', { enum: ['proposed', 'confirmed', 'rejected'] })
    .default('proposed')
    .notNull(),
  proposedBy: integer('proposed_by')
    .notNull()
    .references(() => users.id),
  decidedBy: integer('decided_by').references(() => users.id),
  decisionNote: text('decision_note'),
  ...versioned,
  ...timestamps,
});

// A bank's daily statement lines, stored for three-way reconciliation.
export const statementLines = pgTable(
  'statement_lines',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    bankId: text('bank_id')
      .notNull()
      .references(() => banks.id),
    account: text('account').notNull(),
    valueDate: date('value_date', { mode: 'string' }).notNull(),
    bankTxnId: text('bank_txn_id').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    kind: text('kind', { enum: ['collection', 'refund', 'offset'] }).notNull(),
    keyId: text('key_id'),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    unique('statement_lines_uq').on(t.bankId, t.bankTxnId, t.kind),
    index('statement_lines_bank_date_idx').on(t.bankId, t.valueDate),
  ],
);
