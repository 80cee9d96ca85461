import type { Texts } from './format';

// 国库: fields as the treasury screens and exports show them (levels: budgetLevelTexts).
const fieldZh = {
  id: '编号',
  code: '国库代码',
  name: '名称',
  regionCode: '行政区划',
  level: '级次',
  accountName: '账户名称',
  accountNumber: '账号',
  bankName: '人民银行经收处',
  createdAt: '创建时间',
  updatedAt: '更新时间',
};
export type TreasuryField = keyof typeof fieldZh;
export const treasuryFieldTexts: Texts<TreasuryField> = {
  'zh-CN': fieldZh,
  en: {
    id: 'ID',
    code: 'Treasury code',
    name: 'Name',
    regionCode: 'Region',
    level: 'Level',
    accountName: 'Account name',
    accountNumber: 'Account number',
    bankName: 'Central-bank office',
    createdAt: 'Created',
    updatedAt: 'Updated',
  },
};
