import type { Texts } from './format';

// 行政区划: fields and levels as the region screens and exports show them.
const fieldZh = {
  id: '区划代码',
  code: '区划代码',
  name: '名称',
  nameEn: '英文名称',
  level: '级次',
  parentCode: '上级区划',
  createdAt: '创建时间',
  updatedAt: '更新时间',
  q: '搜索',
};
export type RegionField = keyof typeof fieldZh;
export const regionFieldTexts: Texts<RegionField> = {
  'zh-CN': fieldZh,
  en: {
    id: 'Code',
    code: 'Code',
    name: 'Name',
    nameEn: 'English name',
    level: 'Level',
    parentCode: 'Parent',
    createdAt: 'Created',
    updatedAt: 'Updated',
    q: 'Search',
  },
};

export type RegionLevel = 'province' | 'city' | 'county';
export const regionLevelTexts: Texts<RegionLevel> = {
  'zh-CN': { province: '省', city: '市（州）', county: '县（区）' },
  en: { province: 'Province', city: 'City', county: 'County' },
};
