import type { Texts } from './format';

// 处罚决定书: what the decision list, its show page and its exports call each field and status.
const fieldZh = {
  id: '编号',
  decisionNumber: '决定书编号',
  unitName: '执罚单位',
  unitId: '执罚单位',
  regionCode: '行政区划',
  projectCode: '项目编码',
  fineFen: '罚款金额',
  servedOn: '送达日期',
  partyName: '当事人',
  idNumber: '身份证号',
  licenceNumber: '驾驶证号',
  plate: '号牌',
  suspensions: '暂停计算期间',
  paymentStatus: '缴款状态',
  paidAt: '缴款时间',
  version: '版本',
  updatedAt: '更新时间',
  q: '搜索',
};
export type DecisionField = keyof typeof fieldZh;
export const decisionFieldTexts: Texts<DecisionField> = {
  'zh-CN': fieldZh,
  en: {
    id: 'ID',
    decisionNumber: 'Decision no.',
    unitName: 'Unit',
    unitId: 'Unit',
    regionCode: 'Region',
    projectCode: 'Project code',
    fineFen: 'Fine',
    servedOn: 'Served on',
    partyName: 'Party',
    idNumber: 'ID number',
    licenceNumber: 'Licence no.',
    plate: 'Plate',
    suspensions: 'Late-fee pauses',
    paymentStatus: 'Payment status',
    paidAt: 'Paid at',
    version: 'Version',
    updatedAt: 'Updated at',
    q: 'Search',
  },
};

const statusZh = { unpaid: '未缴款', paid: '已缴款', partially_refunded: '部分退付', refunded: '已退付' };
export type PaymentStatusCode = keyof typeof statusZh;
export const paymentStatusTexts: Texts<PaymentStatusCode> = {
  'zh-CN': statusZh,
  en: { unpaid: 'Unpaid', paid: 'Paid', partially_refunded: 'Partially refunded', refunded: 'Refunded' },
};
