import type { Texts } from './format';

// 对账差异: what the discrepancy list and its exports call each field, type and state.
const fieldZh = {
  id: '编号',
  businessDate: '业务日期',
  bankId: '代理银行',
  bankName: '代理银行',
  type: '差异类型',
  refKey: '交易/凭证',
  platformFen: '平台金额',
  bankFen: '银行/国库金额',
  owner: '责任方',
  state: '状态',
  note: '说明',
  runId: '对账批次',
  locked: '已签认锁定',
  updatedAt: '更新时间',
};
export type DiscrepancyField = keyof typeof fieldZh;
export const discrepancyFieldTexts: Texts<DiscrepancyField> = {
  'zh-CN': fieldZh,
  en: {
    id: 'ID',
    businessDate: 'Business date',
    bankId: 'Bank',
    bankName: 'Bank',
    type: 'Type',
    refKey: 'Transaction / reference',
    platformFen: 'Platform amount',
    bankFen: 'Bank / treasury amount',
    owner: 'Owner',
    state: 'State',
    note: 'Note',
    runId: 'Run',
    locked: 'Signed off (locked)',
    updatedAt: 'Updated at',
  },
};

const typeZh = {
  bank_not_platform: '银行有平台无',
  platform_not_bank: '平台有银行无',
  amount_mismatch: '金额不符',
  collected_not_remitted: '已收未缴库',
  remitted_not_entered: '已缴库未入库',
  wrong_subject_level: '混库',
  duplicate: '重复缴款',
  refund_without_voucher: '无退还书退付/坐支',
};
export type DiscrepancyTypeCode = keyof typeof typeZh;
export const discrepancyTypeTexts: Texts<DiscrepancyTypeCode> = {
  'zh-CN': typeZh,
  en: {
    bank_not_platform: 'Bank, not platform',
    platform_not_bank: 'Platform, not bank',
    amount_mismatch: 'Amount mismatch',
    collected_not_remitted: 'Collected, not remitted',
    remitted_not_entered: 'Remitted, not entered',
    wrong_subject_level: 'Wrong subject or level',
    duplicate: 'Duplicate',
    refund_without_voucher: 'Refund/offset without voucher',
  },
};

const stateZh = { open: '待处理', explained: '已说明', resolved: '已解决' };
export type DiscrepancyStateCode = keyof typeof stateZh;
export const discrepancyStateTexts: Texts<DiscrepancyStateCode> = {
  'zh-CN': stateZh,
  en: { open: 'Open', explained: 'Explained', resolved: 'Resolved' },
};
