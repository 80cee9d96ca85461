import type { Texts } from './format';

// 预算科目: fields as the budget-subject screens and exports show them.
const fieldZh = {
  id: '科目编码',
  code: '科目编码',
  kind: '类别',
  name: '科目名称',
  parentCode: '上级科目',
  note: '备注',
  createdAt: '创建时间',
  updatedAt: '更新时间',
  q: '搜索',
};
export type BudgetSubjectField = keyof typeof fieldZh;
export const budgetSubjectFieldTexts: Texts<BudgetSubjectField> = {
  'zh-CN': fieldZh,
  en: {
    id: 'Code',
    code: 'Code',
    kind: 'Kind',
    name: 'Name',
    parentCode: 'National subject',
    note: 'Note',
    createdAt: 'Created',
    updatedAt: 'Updated',
    q: 'Search',
  },
};

export const budgetSubjectKindTexts: Texts<'national' | 'local'> = {
  'zh-CN': { national: '全国统一科目', local: '地方细化科目' },
  en: { national: 'National', local: 'Local detail' },
};
