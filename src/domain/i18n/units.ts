import type { Texts } from './format';

// 执罚单位: fields and kinds as the unit screens and exports show them.
const fieldZh = {
  id: '编号',
  code: '单位代码',
  name: '名称',
  nameEn: '英文名称',
  kind: '类别',
  regionCode: '行政区划',
  departmentId: '主管部门',
  billingCodeIds: '可用罚款项目编码',
  createdAt: '创建时间',
  updatedAt: '更新时间',
};
export type UnitField = keyof typeof fieldZh;
export const unitFieldTexts: Texts<UnitField> = {
  'zh-CN': fieldZh,
  en: {
    id: 'ID',
    code: 'Code',
    name: 'Name',
    nameEn: 'English name',
    kind: 'Kind',
    regionCode: 'Region',
    departmentId: 'Supervising department',
    billingCodeIds: 'Billing codes',
    createdAt: 'Created',
    updatedAt: 'Updated',
  },
};

export type UnitKind = 'traffic_police' | 'transport' | 'market';
export const unitKindTexts: Texts<UnitKind> = {
  'zh-CN': { traffic_police: '公安交警', transport: '交通运输执法', market: '市场监管' },
  en: { traffic_police: 'Traffic police', transport: 'Transport enforcement', market: 'Market regulation' },
};
