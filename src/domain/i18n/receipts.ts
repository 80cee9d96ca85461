import type { ReceiptFindingType, ReceiptTypeCode } from '../receipts';
import type { Texts } from './format';

// 票据: what the receipt lists, their show pages and their exports call each field and value.

export const receiptTypeTexts: Texts<ReceiptTypeCode> = {
  'zh-CN': { payment_form: '专用缴款书', onsite_receipt: '罚款收据', e_receipt: '财政电子票据' },
  en: {
    payment_form: 'Special payment form',
    onsite_receipt: 'On-site penalty receipt',
    e_receipt: 'Electronic fiscal receipt',
  },
};

export const requestStatusTexts: Texts<'requested' | 'fulfilled' | 'rejected'> = {
  'zh-CN': { requested: '待处理', fulfilled: '已发放', rejected: '未予发放' },
  en: { requested: 'Open', fulfilled: 'Fulfilled', rejected: 'Declined' },
};

export const receiptStatusTexts: Texts<'issued' | 'void'> = {
  'zh-CN': { issued: '已开具', void: '已作废' },
  en: { issued: 'Issued', void: 'Void' },
};

export const writeOffStatusTexts: Texts<'requested' | 'approved' | 'rejected'> = {
  'zh-CN': { requested: '待审核', approved: '已缴销', rejected: '已退回' },
  en: { requested: 'Awaiting approval', approved: 'Written off', rejected: 'Returned' },
};

export const receiptFindingTexts: Texts<ReceiptFindingType> = {
  'zh-CN': {
    low_stock: '库存不足',
    gap_in_use: '跳号使用',
    issued_without_payment: '开票未缴款',
    void_rate: '作废率偏高',
    unchecked_stubs: '存根未核验缴销',
    e_receipt_queued: '电子票据待开具',
  },
  en: {
    low_stock: 'Low stock',
    gap_in_use: 'Numbers skipped',
    issued_without_payment: 'Issued without payment',
    void_rate: 'High void rate',
    unchecked_stubs: 'Stubs not written off',
    e_receipt_queued: 'E-receipts waiting',
  },
};

/** A finding's detail, from its count (`%{count}` as the SPA's polyglot and `fill` read it). */
export const receiptFindingDetailTexts: Texts<ReceiptFindingType> = {
  'zh-CN': {
    low_stock: '剩余 %{count} 份',
    gap_in_use: '跳过 %{count} 个号码',
    issued_without_payment: '%{count} 份票据对应的决定书未缴款',
    void_rate: '作废 %{count} 份',
    unchecked_stubs: '%{count} 份超期未缴销',
    e_receipt_queued: '%{count} 笔缴款等待号段',
  },
  en: {
    low_stock: '%{count} left',
    gap_in_use: '%{count} number(s) skipped',
    issued_without_payment: '%{count} receipt(s) for unpaid decisions',
    void_rate: '%{count} void',
    unchecked_stubs: '%{count} overdue for write-off',
    e_receipt_queued: '%{count} collection(s) waiting for a segment',
  },
};

/** A receipt's decision after an executed refund (the payer's page says so too). */
export const receiptRefundStatusTexts: Texts<'partially_refunded' | 'refunded'> = {
  'zh-CN': { partially_refunded: '部分退付', refunded: '已退付' },
  en: { partially_refunded: 'Partially refunded', refunded: 'Refunded' },
};

// 票种 (reference data)
const typeZh = { code: '票种代码', name: '名称', nameEn: '英文名称', electronic: '电子票据', copies: '联数' };
export type ReceiptTypeField = keyof typeof typeZh;
export const receiptTypeFieldTexts: Texts<ReceiptTypeField> = {
  'zh-CN': typeZh,
  en: { code: 'Type code', name: 'Name', nameEn: 'English name', electronic: 'Electronic', copies: 'Copies' },
};

// 申请领用
const requestZh = {
  id: '编号',
  unitId: '执罚单位代码',
  unitName: '执罚单位',
  regionCode: '行政区划',
  typeCode: '票种',
  count: '数量',
  note: '说明',
  status: '状态',
  requestedAt: '申请时间',
  decidedAt: '处理时间',
  decisionReason: '不予发放原因',
};
export type ReceiptRequestField = keyof typeof requestZh;
export const receiptRequestFieldTexts: Texts<ReceiptRequestField> = {
  'zh-CN': requestZh,
  en: {
    id: 'No.',
    unitId: 'Unit code',
    unitName: 'Unit',
    regionCode: 'Region',
    typeCode: 'Type',
    count: 'Count',
    note: 'Note',
    status: 'Status',
    requestedAt: 'Requested at',
    decidedAt: 'Decided at',
    decisionReason: 'Reason declined',
  },
};

// 票据领购
const batchZh = {
  id: '批次',
  typeCode: '票种',
  startNo: '起始号',
  endNo: '终止号',
  count: '数量',
  regionCode: '行政区划',
  purchasedOn: '领购日期',
  note: '备注',
  createdAt: '登记时间',
};
export type ReceiptBatchField = keyof typeof batchZh;
export const receiptBatchFieldTexts: Texts<ReceiptBatchField> = {
  'zh-CN': batchZh,
  en: {
    id: 'Batch',
    typeCode: 'Type',
    startNo: 'From',
    endNo: 'To',
    count: 'Count',
    regionCode: 'Region',
    purchasedOn: 'Purchased on',
    note: 'Note',
    createdAt: 'Recorded at',
  },
};

// 票据库存
const holdingZh = {
  id: '编号',
  holderName: '持有方',
  regionCode: '行政区划',
  unitId: '执罚单位代码',
  typeCode: '票种',
  batchId: '领购批次',
  startNo: '起始号',
  endNo: '终止号',
  count: '数量',
  receivedOn: '领入日期',
};
export type ReceiptHoldingField = keyof typeof holdingZh;
export const receiptHoldingFieldTexts: Texts<ReceiptHoldingField> = {
  'zh-CN': holdingZh,
  en: {
    id: 'ID',
    holderName: 'Holder',
    regionCode: 'Region',
    unitId: 'Unit code',
    typeCode: 'Type',
    batchId: 'Purchase batch',
    startNo: 'From',
    endNo: 'To',
    count: 'Count',
    receivedOn: 'Received on',
  },
};

// 票据
const receiptZh = {
  id: '编号',
  typeCode: '票种',
  code: '票据代码',
  number: '票号',
  checkCode: '校验码',
  status: '状态',
  issuedOn: '开票日期',
  issuedAt: '开票时间',
  issuedOn_gte: '开票日期起',
  issuedOn_lte: '开票日期止',
  unitName: '执罚单位',
  regionCode: '行政区划',
  decisionId: '处罚决定书',
  decisionNumber: '决定书编号',
  payerName: '交款人',
  amountFen: '金额',
  voidReason: '作废原因',
  voidedAt: '作废时间',
  writtenOff: '已缴销',
  writtenOffAt: '缴销（核销）时间',
  refundStatus: '退付',
};
export type ReceiptField = keyof typeof receiptZh;
export const receiptFieldTexts: Texts<ReceiptField> = {
  'zh-CN': receiptZh,
  en: {
    id: 'ID',
    typeCode: 'Type',
    code: 'Code',
    number: 'Number',
    checkCode: 'Check code',
    status: 'Status',
    issuedOn: 'Issued on',
    issuedAt: 'Issued at',
    issuedOn_gte: 'Issued from',
    issuedOn_lte: 'Issued to',
    unitName: 'Unit',
    regionCode: 'Region',
    decisionId: 'Decision',
    decisionNumber: 'Decision number',
    payerName: 'Payer',
    amountFen: 'Amount',
    voidReason: 'Void reason',
    voidedAt: 'Voided at',
    writtenOff: 'Written off',
    writtenOffAt: 'Written off at',
    refundStatus: 'Refund',
  },
};

// 票据缴销
const writeOffZh = {
  id: '编号',
  unitName: '执罚单位',
  regionCode: '行政区划',
  typeCode: '票种',
  startNo: '起始号',
  endNo: '终止号',
  count: '数量',
  status: '状态',
  requestedAt: '申请时间',
  decidedAt: '审核时间',
  decisionReason: '退回原因',
  note: '备注',
};
export type ReceiptWriteOffField = keyof typeof writeOffZh;
export const receiptWriteOffFieldTexts: Texts<ReceiptWriteOffField> = {
  'zh-CN': writeOffZh,
  en: {
    id: 'No.',
    unitName: 'Unit',
    regionCode: 'Region',
    typeCode: 'Type',
    startNo: 'From',
    endNo: 'To',
    count: 'Count',
    status: 'Status',
    requestedAt: 'Requested at',
    decidedAt: 'Decided at',
    decisionReason: 'Reason returned',
    note: 'Note',
  },
};

// 电子票据号段
const segmentZh = {
  id: '编号',
  unitId: '执罚单位',
  unitName: '执罚单位',
  code: '票据代码（预附码）',
  category: '类别码',
  type: '票种码',
  year: '年度',
  startNo: '起始号',
  endNo: '终止号',
  nextNo: '下一号码',
  total: '总数',
  remaining: '剩余',
  createdAt: '分配时间',
};
export type EReceiptSegmentField = keyof typeof segmentZh;
export const eReceiptSegmentFieldTexts: Texts<EReceiptSegmentField> = {
  'zh-CN': segmentZh,
  en: {
    id: 'ID',
    unitId: 'Unit',
    unitName: 'Unit',
    code: 'Code',
    category: 'Category',
    type: 'Type code',
    year: 'Year',
    startNo: 'From',
    endNo: 'To',
    nextNo: 'Next number',
    total: 'Total',
    remaining: 'Remaining',
    createdAt: 'Assigned at',
  },
};

// 票据预警
const findingZh = { type: '类型', unitName: '执罚单位', typeCode: '票种', count: '数量', detail: '说明' };
export type ReceiptFindingField = keyof typeof findingZh;
export const receiptFindingFieldTexts: Texts<ReceiptFindingField> = {
  'zh-CN': findingZh,
  en: { type: 'Type', unitName: 'Unit', typeCode: 'Receipt type', count: 'Count', detail: 'Detail' },
};
