import type { Texts } from './format';

// 退付: what the refund screens and exports call each field, status and reason.
const fieldZh = {
  id: '编号',
  decisionId: '处罚决定书',
  decisionNumber: '决定书编号',
  unitId: '执罚单位',
  unitName: '执罚单位',
  reason: '退付原因',
  amountFen: '退付金额',
  amountYuan: '退付金额（元）',
  status: '状态',
  approvalCount: '审批数',
  createdByName: '申请人',
  createdAt: '申请时间',
  payeeName: '收款人',
  payeeAccount: '收款账号',
  payeeBank: '收款开户行',
  note: '说明',
  voucherNumber: '收入退还书编号',
  lastReason: '退回/驳回原因',
  paidFen: '已缴金额',
  refundableFen: '可退金额',
  earlier: '该决定书的其他退付',
  approvals: '审批记录',
  pendingFor: '待我办理',
};
export type RefundField = keyof typeof fieldZh;
export const refundFieldTexts: Texts<RefundField> = {
  'zh-CN': fieldZh,
  en: {
    id: 'ID',
    decisionId: 'Penalty decision',
    decisionNumber: 'Decision no.',
    unitId: 'Unit',
    unitName: 'Unit',
    reason: 'Reason',
    amountFen: 'Amount',
    amountYuan: 'Amount (yuan)',
    status: 'Status',
    approvalCount: 'Approvals',
    createdByName: 'Applicant',
    createdAt: 'Applied at',
    payeeName: 'Payee',
    payeeAccount: 'Payee account',
    payeeBank: 'Payee bank',
    note: 'Note',
    voucherNumber: 'Refund voucher no.',
    lastReason: 'Returned/rejected because',
    paidFen: 'Paid',
    refundableFen: 'Refundable',
    earlier: 'Other refunds of this decision',
    approvals: 'Approvals',
    pendingFor: 'Waiting for me',
  },
};

const statusZh = {
  draft: '草稿',
  submitted: '已提交',
  reviewed: '已复核',
  approved: '已批准',
  voucher_issued: '已开具退还书',
  executed: '已退付',
  rejected: '已驳回',
  withdrawn: '已撤回',
  failed: '退付失败',
};
export type RefundStatusCode = keyof typeof statusZh;
export const refundStatusTexts: Texts<RefundStatusCode> = {
  'zh-CN': statusZh,
  en: {
    draft: 'Draft',
    submitted: 'Submitted',
    reviewed: 'Reviewed',
    approved: 'Approved',
    voucher_issued: 'Voucher issued',
    executed: 'Executed',
    rejected: 'Rejected',
    withdrawn: 'Withdrawn',
    failed: 'Failed',
  },
};

const reasonZh = {
  revoked: '处罚决定撤销',
  changed: '处罚决定变更',
  overpaid: '多缴',
  duplicate: '重复缴款',
  wrong_payment: '错误缴款',
  review_outcome: '复议后不予处罚',
};
export type RefundReasonCode = keyof typeof reasonZh;
export const refundReasonTexts: Texts<RefundReasonCode> = {
  'zh-CN': reasonZh,
  en: {
    revoked: 'Decision revoked',
    changed: 'Decision changed',
    overpaid: 'Overpaid',
    duplicate: 'Paid twice',
    wrong_payment: 'Wrong payment',
    review_outcome: 'Not punished after review',
  },
};
