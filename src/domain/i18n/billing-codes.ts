import type { Texts } from './format';

// 罚款项目编码: fields and statuses as the billing-code screens and exports show them.
const fieldZh = {
  id: '编号',
  projectCode: '项目编码',
  departmentCode: '部门编码',
  itemCode: '项目代码',
  name: '项目名称',
  budgetSubjectCode: '预算科目',
  budgetSubjectName: '科目名称',
  budgetLevel: '预算级次',
  effectiveFrom: '启用日期',
  effectiveTo: '停用日期',
  status: '状态',
  note: '备注',
  createdAt: '创建时间',
  updatedAt: '更新时间',
  q: '搜索',
};
export type BillingCodeField = keyof typeof fieldZh;
export const billingCodeFieldTexts: Texts<BillingCodeField> = {
  'zh-CN': fieldZh,
  en: {
    id: 'ID',
    projectCode: 'Project code',
    departmentCode: 'Department code',
    itemCode: 'Item code',
    name: 'Name',
    budgetSubjectCode: 'Budget subject',
    budgetSubjectName: 'Subject name',
    budgetLevel: 'Budget level',
    effectiveFrom: 'Valid from',
    effectiveTo: 'Valid to',
    status: 'Status',
    note: 'Note',
    createdAt: 'Created',
    updatedAt: 'Updated',
    q: 'Search',
  },
};

export const billingCodeStatusTexts: Texts<'active' | 'retired'> = {
  'zh-CN': { active: '启用', retired: '已停用' },
  en: { active: 'Active', retired: 'Retired' },
};

/** 预算级次, shared by billing codes, treasuries and the treasury entries. */
