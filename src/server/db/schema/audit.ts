import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// Append-only: rows are never updated or deleted; each hash covers the previous one.
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actorId: integer('actor_id'),
    actorUsername: text('actor_username'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    resource: text('resource').notNull(),
    recordId: text('record_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_events_resource_at_idx').on(t.resource, t.at),
    index('audit_events_actor_at_idx').on(t.actorId, t.at),
    index('audit_events_at_idx').on(t.at),
  ],
);
