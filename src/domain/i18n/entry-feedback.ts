import type { Texts } from './format';

// 入库反馈: what the feedback list and its exports call each field and finding.
const fieldZh = {
  id: '编号',
  problem: '仅看异常',
  businessDate: '划款日期',
  bankId: '代理银行',
  bankName: '代理银行',
  reference: '划款凭证号',
  type: '反馈',
  expectedFen: '应入库',
  enteredFen: '已入库',
  computedAt: '计算时间',
  acknowledged: '已确认',
  acknowledgedAt: '财政确认时间',
  note: '确认说明',
};
export type EntryFeedbackField = keyof typeof fieldZh;
export const entryFeedbackFieldTexts: Texts<EntryFeedbackField> = {
  'zh-CN': fieldZh,
  en: {
    id: 'ID',
    problem: 'Findings only',
    businessDate: 'Transfer date',
    bankId: 'Bank',
    bankName: 'Bank',
    reference: 'Transfer reference',
    type: 'Finding',
    expectedFen: 'Expected',
    enteredFen: 'Entered',
    computedAt: 'Computed at',
    acknowledged: 'Acknowledged',
    acknowledgedAt: 'Acknowledged at',
    note: 'Acknowledgement note',
  },
};

const typeZh = {
  entered: '已入库',
  entered_late: '入库迟延',
  partial: '部分入库',
  missing: '未入库',
  wrong_subject_level: '混库（科目或级次错误）',
};
export type EntryFeedbackTypeCode = keyof typeof typeZh;
export const entryFeedbackTypeTexts: Texts<EntryFeedbackTypeCode> = {
  'zh-CN': typeZh,
  en: {
    entered: 'Entered',
    entered_late: 'Entered late',
    partial: 'Partly entered',
    missing: 'Not entered',
    wrong_subject_level: 'Wrong subject or level',
  },
};
