import type { Texts } from './format';

// 节假日安排: fields as the calendar-year screens and exports show them (sources: calendarSourceTexts).
const fieldZh = {
  id: '编号',
  year: '年度',
  regionCode: '区划（空为全国）',
  holidays: '休息日天数',
  adjustedWorkdays: '调休上班天数',
  source: '来源',
  importedBy: '导入人',
  importedAt: '导入时间',
};
export type CalendarYearField = keyof typeof fieldZh;
export const calendarYearFieldTexts: Texts<CalendarYearField> = {
  'zh-CN': fieldZh,
  en: {
    id: 'ID',
    year: 'Year',
    regionCode: 'Region',
    holidays: 'Days off',
    adjustedWorkdays: 'Adjusted workdays',
    source: 'Source',
    importedBy: 'Imported by',
    importedAt: 'Imported',
  },
};

// 节假日安排 entries: one day off or adjusted workday.
const entryFieldZh = {
  id: '编号',
  date: '日期',
  regionCode: '区划（空为全国）',
  year: '年度',
  kind: '类型',
  name: '名称',
};
export type CalendarEntryField = keyof typeof entryFieldZh;
export const calendarEntryFieldTexts: Texts<CalendarEntryField> = {
  'zh-CN': entryFieldZh,
  en: { id: 'ID', date: 'Date', regionCode: 'Region', year: 'Year', kind: 'Kind', name: 'Name' },
};

export const calendarEntryKindTexts: Texts<'HOLIDAY' | 'ADJUSTED_WORKDAY'> = {
  'zh-CN': { HOLIDAY: '休息日', ADJUSTED_WORKDAY: '调休上班日' },
  en: { HOLIDAY: 'Day off', ADJUSTED_WORKDAY: 'Adjusted workday' },
};
