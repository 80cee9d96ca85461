import { integer, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { timestamps, versioned } from './common';

// Province → city → county; the code is the key and its prefix is the scope (6301 ⊂ 63).
export const regions = pgTable('regions', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  level: text('level', { enum: ['province', 'city', 'county'] }).notNull(),
  parentCode: text('parent_code'),
  ...versioned,
  ...timestamps,
});

// 代理银行 agent bank
export const banks = pgTable('banks', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
});

// 主管部门 supervising department of non-police units
export const departments = pgTable('departments', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  regionCode: text('region_code')
    .notNull()
    .references(() => regions.code),
});

// 执罚单位 enforcement unit
export const units = pgTable('units', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  kind: text('kind', { enum: ['traffic_police', 'transport', 'market'] }).notNull(),
  regionCode: text('region_code')
    .notNull()
    .references(() => regions.code),
  departmentId: integer('department_id').references(() => departments.id),
  ...versioned,
  ...timestamps,
});
