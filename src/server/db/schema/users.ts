import { boolean, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { ROLES } from '../../../domain/roles';
import { timestamps, versioned } from './common';
import { banks, departments, regions, units } from './organisation';

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: ROLES }).notNull(),
  regionCode: text('region_code')
    .notNull()
    .references(() => regions.code),
  unitId: integer('unit_id').references(() => units.id),
  bankId: text('bank_id').references(() => banks.id),
  departmentId: integer('department_id').references(() => departments.id),
  passwordHash: text('password_hash').notNull(),
  active: boolean('active').default(true).notNull(),
  failedAttempts: integer('failed_attempts').default(0).notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true, mode: 'date' }),
  // An admin reset: only the scrypt hash of the one-time code is kept, until it is used or expires.
  resetCodeHash: text('reset_code_hash'),
  resetCodeExpiresAt: timestamp('reset_code_expires_at', { withTimezone: true, mode: 'date' }),
  // The last admin reset (when, by whom), told to the user when they sign in with the code.
  passwordResetAt: timestamp('password_reset_at', { withTimezone: true, mode: 'date' }),
  passwordResetBy: integer('password_reset_by'),
  note: text('note'),
  ...versioned,
  ...timestamps,
});

// Only the hash of the session id is stored: a database read does not yield usable cookies.
export const sessions = pgTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    // 'set_password': opened with a one-time reset code, it may only set a new password.
    purpose: text('purpose', { enum: ['full', 'set_password'] })
      .default('full')
      .notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);
