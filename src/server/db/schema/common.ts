import { integer, timestamp } from 'drizzle-orm/pg-core';

export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).defaultNow().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).defaultNow().notNull(),
};

/** Optimistic-locking counter: every update must send the version it read (no lost update). */
export const versioned = { version: integer('version').default(1).notNull() };
