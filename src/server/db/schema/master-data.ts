import { date, index, integer, pgTable, primaryKey, serial, text, unique } from 'drizzle-orm/pg-core';
import { BUDGET_LEVELS } from '../../../domain/master-data';
import { timestamps, versioned } from './common';
import { regions, units } from './organisation';

// 预算科目 budget subject
export const budgetSubjects = pgTable('budget_subjects', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  parentCode: text('parent_code'),
  note: text('note'),
  ...versioned,
  ...timestamps,
});

// 罚款项目编码 billing code; the same project code may recur only with non-overlapping validity
// (enforced by an exclusion constraint in the migration, not only here).
export const billingCodes = pgTable(
  'billing_codes',
  {
    id: serial('id').primaryKey(),
    departmentCode: text('department_code').notNull(),
    itemCode: text('item_code').notNull(),
    projectCode: text('project_code').notNull(),
    name: text('name').notNull(),
    budgetSubjectCode: text('budget_subject_code')
      .notNull()
      .references(() => budgetSubjects.code),
    budgetLevel: text('budget_level', { enum: BUDGET_LEVELS }).notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    effectiveTo: date('effective_to', { mode: 'string' }),
    status: text('status', { enum: ['active', 'retired'] })
      .default('active')
      .notNull(),
    note: text('note'),
    ...versioned,
    ...timestamps,
  },
  (t) => [index('billing_codes_project_idx').on(t.projectCode)],
);

// 国库 treasury
export const treasuries = pgTable(
  'treasuries',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    level: text('level', { enum: BUDGET_LEVELS }).notNull(),
    accountName: text('account_name').notNull(),
    accountNumber: text('account_number').notNull(),
    bankName: text('bank_name').notNull(),
    ...versioned,
    ...timestamps,
  },
  (t) => [unique('treasuries_region_level_uq').on(t.regionCode, t.level)],
);

/** Billing codes a unit may use. */
export const unitBillingCodes = pgTable(
  'unit_billing_codes',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    billingCodeId: integer('billing_code_id')
      .notNull()
      .references(() => billingCodes.id),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.billingCodeId] })],
);
