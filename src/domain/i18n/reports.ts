import type { StatementStatus } from '../reports';
import type { Texts } from './format';

// 月报表: what the page and its exports call each column.
const monthlyZh = {
  month: '月份',
  billingCode: '罚款项目编码',
  budgetSubjectCode: '预算科目',
  budgetLevel: '预算级次',
  regionCode: '行政区划',
  count: '笔数',
  collectedFen: '代收金额',
  refundedFen: '退付金额',
  netFen: '净额',
  orphan: '未匹配决定书',
  total: '合计',
};
export type MonthlyStatementField = keyof typeof monthlyZh;
export const monthlyStatementTexts: Texts<MonthlyStatementField> = {
  'zh-CN': monthlyZh,
  en: {
    month: 'Month',
    billingCode: 'Billing code',
    budgetSubjectCode: 'Budget subject',
    budgetLevel: 'Budget level',
    regionCode: 'Region',
    count: 'Count',
    collectedFen: 'Collected',
    refundedFen: 'Refunded',
    netFen: 'Net',
    orphan: 'Not matched to a decision',
    total: 'Total',
  },
};

// 国库对账表: a unit's collections through one bank against what the treasury entered.
const statementZh = {
  month: '月份',
  unitName: '执罚单位',
  bankName: '代理银行',
  budgetSubjectCode: '预算科目',
  budgetLevel: '预算级次',
  count: '笔数',
  collectedFen: '代收金额',
  enteredFen: '已入库金额',
  differenceFen: '差额',
  status: '状态',
  total: '合计',
};
export type StatementField = keyof typeof statementZh;
export const statementFieldTexts: Texts<StatementField> = {
  'zh-CN': statementZh,
  en: {
    month: 'Month',
    unitName: 'Enforcement unit',
    bankName: 'Agent bank',
    budgetSubjectCode: 'Budget subject',
    budgetLevel: 'Budget level',
    count: 'Count',
    collectedFen: 'Collected',
    enteredFen: 'Entered into the treasury',
    differenceFen: 'Difference',
    status: 'Status',
    total: 'Total',
  },
};

export const statementStatusTexts: Texts<StatementStatus> = {
  'zh-CN': { produced: '待确认', confirmed: '已确认', disputed: '有异议' },
  en: { produced: 'Awaiting confirmation', confirmed: 'Confirmed', disputed: 'Disputed' },
};
