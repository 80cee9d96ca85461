import type { Lang, Texts } from './format';

// 对账批次: what the run list, its show page and its exports call each field, period and status.
const fieldZh = {
  id: '编号',
  periodType: '期间类型',
  periodStart: '期间开始',
  bankId: '代理银行',
  status: '状态',
  chunksTotal: '分块总数',
  chunksDone: '进度',
  found: '差异数',
  error: '错误',
  startedBy: '发起人编号',
  startedByName: '发起人',
  createdAt: '发起时间',
  finishedAt: '完成时间',
  byType: '按类型',
};
export type ReconciliationRunField = keyof typeof fieldZh;
export const reconciliationRunFieldTexts: Texts<ReconciliationRunField> = {
  'zh-CN': fieldZh,
  en: {
    id: 'ID',
    periodType: 'Period type',
    periodStart: 'Period start',
    bankId: 'Bank',
    status: 'Status',
    chunksTotal: 'Chunks',
    chunksDone: 'Progress',
    found: 'Discrepancies',
    error: 'Error',
    startedBy: 'Started by (ID)',
    startedByName: 'Started by',
    createdAt: 'Started at',
    finishedAt: 'Finished at',
    byType: 'By type',
  },
};

const statusZh = { queued: '排队中', running: '对账中', completed: '已完成', failed: '失败' };
export type RunStatusCode = keyof typeof statusZh;
export const runStatusTexts: Texts<RunStatusCode> = {
  'zh-CN': statusZh,
  en: { queued: 'Queued', running: 'Running', completed: 'Completed', failed: 'Failed' },
};

export const periodTypeTexts: Texts<'day' | 'month'> = {
  'zh-CN': { day: '日', month: '月' },
  en: { day: 'Day', month: 'Month' },
};

/** A run without a bank reconciles every bank. */
export const allBanksTexts: Record<Lang, string> = { 'zh-CN': '全部银行', en: 'All banks' };
