import type { Texts } from './format';

// 国库入库: what the entry list, its forms and its exports call each field.
const fieldZh = {
  id: '编号',
  treasuryId: '国库',
  treasuryName: '国库',
  entryDate: '入库日期',
  amountFen: '入库金额',
  amountYuan: '入库金额（元）',
  budgetSubjectCode: '预算科目',
  budgetLevel: '预算级次',
  transferReference: '划款凭证号',
  source: '来源',
  keyId: '接口密钥',
  createdAt: '登记时间',
};
export type TreasuryEntryField = keyof typeof fieldZh;
export const treasuryEntryFieldTexts: Texts<TreasuryEntryField> = {
  'zh-CN': fieldZh,
  en: {
    id: 'ID',
    treasuryId: 'Treasury',
    treasuryName: 'Treasury',
    entryDate: 'Entry date',
    amountFen: 'Amount',
    amountYuan: 'Amount (yuan)',
    budgetSubjectCode: 'Budget subject',
    budgetLevel: 'Budget level',
    transferReference: 'Transfer reference',
    source: 'Source',
    keyId: 'API key',
    createdAt: 'Recorded at',
  },
};
