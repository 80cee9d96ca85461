import type { Texts } from './format';

// 缴库: what the remittance list, its show page and its exports call each field and status.
const fieldZh = {
  id: '编号',
  dueDate: '应缴库日',
  bankId: '代理银行',
  bankName: '代理银行',
  agreementId: '协议编号',
  regionCode: '行政区划',
  collectionCount: '收款笔数',
  amountFen: '应缴库金额',
  remittedFen: '已缴库金额',
  remittedOn: '缴库日期',
  status: '状态',
  workingDaysLate: '迟延工作日',
  heldFenDays: '占压资金',
  refreshedAt: '计算时间',
};
export type RemittanceField = keyof typeof fieldZh;
export const remittanceFieldTexts: Texts<RemittanceField> = {
  'zh-CN': fieldZh,
  en: {
    id: 'ID',
    dueDate: 'Due date',
    bankId: 'Bank',
    bankName: 'Bank',
    agreementId: 'Agreement no.',
    regionCode: 'Region',
    collectionCount: 'Collections',
    amountFen: 'Due amount',
    remittedFen: 'Remitted',
    remittedOn: 'Remitted on',
    status: 'Status',
    workingDaysLate: 'Working days late',
    heldFenDays: 'Money held late',
    refreshedAt: 'Computed at',
  },
};

const statusZh = { pending: '未到期', on_time: '按时', late: '迟延', overdue: '逾期未缴' };
export type RemittanceStatusCode = keyof typeof statusZh;
export const remittanceStatusTexts: Texts<RemittanceStatusCode> = {
  'zh-CN': statusZh,
  en: { pending: 'Not due yet', on_time: 'On time', late: 'Late', overdue: 'Overdue' },
};
