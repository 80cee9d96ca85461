import { bigint, bigserial, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { decisionEvents } from './collections';

/**
 * The paid-status feed the police platform reads (`GET /api/police/v1/paid-status-changes`): one row
 * per payment-status transition, written by a trigger on `decision_events` (migration 0016). The
 * trigger (one per INSERT statement) takes the audit chain's transaction lock before drawing `seq`, so seq order is commit order
 * and a reader paging by seq never skips a change that commits late.
 */
export const paidStatusChanges = pgTable('paid_status_changes', {
  seq: bigserial('seq', { mode: 'number' }).primaryKey(),
  eventId: bigint('event_id', { mode: 'number' })
    .notNull()
    .unique()
    .references(() => decisionEvents.id),
  decisionId: integer('decision_id').notNull(),
  decisionNumber: text('decision_number').notNull(),
  fromStatus: text('from_status'),
  toStatus: text('to_status').notNull(),
  source: text('source').notNull(),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
});

/** How far each reading institution got, kept across key rotations. */
export const feedPositions = pgTable('feed_positions', {
  institution: text('institution').primaryKey(),
  after: bigint('after', { mode: 'number' }).notNull(),
  readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }).notNull(),
});
