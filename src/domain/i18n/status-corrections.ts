import type { Texts } from './format';

// 状态更正: what the correction list and its exports call each field and state.
const fieldZh = {
  id: '编号',
  decisionId: '决定书',
  decisionNumber: '决定书编号',
  toStatus: '更正为',
  reason: '原因',
  proposedBy: '提出人',
  proposedByName: '提出人',
  decidedBy: '复核人',
  createdAt: '提出时间',
  updatedAt: '更新时间',
  state: '状态',
  decisionNote: '复核意见',
  decide: '复核',
  version: '版本',
};
export type StatusCorrectionField = keyof typeof fieldZh;
export const statusCorrectionFieldTexts: Texts<StatusCorrectionField> = {
  'zh-CN': fieldZh,
  en: {
    id: 'ID',
    decisionId: 'Decision',
    decisionNumber: 'Decision no.',
    toStatus: 'New status',
    reason: 'Reason',
    proposedBy: 'Proposed by',
    proposedByName: 'Proposed by',
    decidedBy: 'Decided by',
    createdAt: 'Proposed',
    updatedAt: 'Updated at',
    state: 'State',
    decisionNote: 'Decision note',
    decide: 'Decide',
    version: 'Version',
  },
};

const stateZh = { proposed: '待第二人复核', confirmed: '已确认', rejected: '已驳回' };
export type StatusCorrectionStateCode = keyof typeof stateZh;
export const statusCorrectionStateTexts: Texts<StatusCorrectionStateCode> = {
  'zh-CN': stateZh,
  en: { proposed: 'Waiting for a second officer', confirmed: 'Confirmed', rejected: 'Rejected' },
};
