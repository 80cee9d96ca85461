import type { Texts } from './format';

// 监管意见
const noteZh = {
  id: '编号',
  bankId: '代理银行',
  bankCode: '代理银行代码',
  bankName: '代理银行',
  regionCode: '行政区划',
  agreementId: '协议',
  periodStart: '期间起',
  periodEnd: '期间止',
  text: '意见内容',
  authorName: '填写人',
  createdAt: '填写时间',
  updatedAt: '更新时间',
};
export type SupervisionNoteField = keyof typeof noteZh;
export const supervisionNoteFieldTexts: Texts<SupervisionNoteField> = {
  'zh-CN': noteZh,
  en: {
    id: 'ID',
    bankId: 'Bank',
    bankCode: 'Bank code',
    bankName: 'Bank',
    regionCode: 'Region',
    agreementId: 'Agreement',
    periodStart: 'Period from',
    periodEnd: 'Period to',
    text: 'Note',
    authorName: 'Author',
    createdAt: 'Written',
    updatedAt: 'Updated',
  },
};
