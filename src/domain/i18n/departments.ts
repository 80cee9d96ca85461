import type { Texts } from './format';

// 主管部门: the department list's fields, on screen and in its export.
const fieldZh = { id: '编号', name: '名称', nameEn: '英文名称', regionCode: '行政区划' };
export type DepartmentField = keyof typeof fieldZh;
export const departmentFieldTexts: Texts<DepartmentField> = {
  'zh-CN': fieldZh,
  en: { id: 'ID', name: 'Name', nameEn: 'English name', regionCode: 'Region' },
};
