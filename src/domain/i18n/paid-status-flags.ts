import type { Texts } from './format';

// 缴款状态稽核: what the flag list and its exports call each field, type and state.
const fieldZh = {
  id: '编号',
  type: '类型',
  state: '状态',
  decisionId: '决定书',
  decisionNumber: '决定书编号',
  collectionId: '代收记录',
  regionCode: '行政区划',
  detail: '说明',
  createdAt: '发现时间',
  reviewNote: '核查意见',
  reviewedAt: '核查时间',
};
export type FlagField = keyof typeof fieldZh;
export const flagFieldTexts: Texts<FlagField> = {
  'zh-CN': fieldZh,
  en: {
    id: 'ID',
    type: 'Type',
    state: 'State',
    decisionId: 'Decision',
    decisionNumber: 'Decision no.',
    collectionId: 'Collection',
    regionCode: 'Region',
    detail: 'Detail',
    createdAt: 'Raised',
    reviewNote: 'Review note',
    reviewedAt: 'Reviewed at',
  },
};

const typeZh = {
  paid_without_funds: '无资金到账即已缴款',
  sync_lag: '同步滞后',
  single_user_manual: '单人手工改状态',
  reversal: '状态回退',
  amount_mismatch: '金额不符',
  duplicate: '重复缴款',
};
export type FlagTypeCode = keyof typeof typeZh;
export const flagTypeTexts: Texts<FlagTypeCode> = {
  'zh-CN': typeZh,
  en: {
    paid_without_funds: 'Paid without funds',
    sync_lag: 'Sync lag',
    single_user_manual: 'Single-user manual change',
    reversal: 'Reversal',
    amount_mismatch: 'Amount mismatch',
    duplicate: 'Duplicate collection',
  },
};

const stateZh = { open: '待核查', reviewed: '已核查' };
export type FlagStateCode = keyof typeof stateZh;
export const flagStateTexts: Texts<FlagStateCode> = {
  'zh-CN': stateZh,
  en: { open: 'Open', reviewed: 'Reviewed' },
};
