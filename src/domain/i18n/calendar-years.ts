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
