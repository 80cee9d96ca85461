import type { Texts } from './format';

// Why a paid-status flag was raised (`detail: { code, params }`), stored as a code since migration 0013.
const zh = {
  duplicate_collection: '决定书已缴款后又收到银行流水 %{bankTxnId}',
  second_collection: '已缴款的决定书又收到一笔缴款（可能需要退付）',
  amount_mismatch: '实收 %{collectedFen}，%{on} 应缴 %{dueFen}',
  underpaid: '实收少于 %{on} 应缴的 %{dueFen}',
  orphan_collection: '收到未知决定书 %{decisionNumber} 的缴款，待决定书到达后匹配',
  unpaid_after_collection: '银行流水 %{bankTxnId} 于 %{receivedAt} 到达，%{hours} 小时后决定书仍为未缴款',
  collection_before_decision: '决定书 %{decisionNumber} 的缴款先于决定书到达',
  single_user_change: '状态由一人更改，未经第二人复核',
  paid_without_funds: '标记为已缴款，但没有对应的银行缴款',
  reversal_by_correction: '更正 #%{correctionId} 将已缴款改为未缴款',
  paid_by_correction_without_collection: '更正 #%{correctionId} 标记为已缴款，但没有银行缴款',
  legacy_text: '%{text}',
};

export type FlagDetailCode = keyof typeof zh;

const en: Record<FlagDetailCode, string> = {
  duplicate_collection: 'Bank transaction %{bankTxnId} arrived for a decision that is already paid',
  second_collection: 'Second collection for a paid decision (refund candidate)',
  amount_mismatch: 'Collected %{collectedFen}, due %{dueFen} on %{on}',
  underpaid: 'Collected less than the %{dueFen} due on %{on}',
  orphan_collection: 'Collection for unknown decision %{decisionNumber}; kept until the decision arrives',
  unpaid_after_collection:
    'Collection %{bankTxnId} received %{receivedAt}; the decision is still unpaid after %{hours} h',
  collection_before_decision: 'Collection for %{decisionNumber} arrived before the decision',
  single_user_change: 'Status changed by one user without a second approver',
  paid_without_funds: 'Paid with no matching bank collection',
  reversal_by_correction: 'Paid → unpaid by correction #%{correctionId}',
  paid_by_correction_without_collection: 'Marked paid by correction #%{correctionId} with no bank collection',
  legacy_text: '%{text}',
};

export const flagDetailTexts: Texts<FlagDetailCode> = { 'zh-CN': zh, en };

// What moved a decision's payment status when no person wrote a reason (`events[].detail`).
const eventZh = {
  bank_collection: '银行缴款到账（流水 %{bankTxnId}）',
  refund_executed: '退付 #%{refundId} 已退 %{amountFen}',
  legacy_text: '%{text}',
};
export type EventDetailCode = keyof typeof eventZh;
export const eventDetailTexts: Texts<EventDetailCode> = {
  'zh-CN': eventZh,
  en: {
    bank_collection: 'Bank collection (transaction %{bankTxnId})',
    refund_executed: 'Refund #%{refundId} executed: %{amountFen}',
    legacy_text: '%{text}',
  },
};

export interface FlagDetail {
  code: FlagDetailCode;
  params?: Record<string, string | number>;
}
