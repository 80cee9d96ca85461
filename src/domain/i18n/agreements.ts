import type { Texts } from './format';

// 代理银行协议: fields and enum values as the agreement screens and exports show them.
const fieldZh = {
  id: '编号',
  bankId: '代理银行',
  bankName: '代理银行',
  regionCode: '行政区划',
  regionName: '行政区划',
  agreementNo: '协议编号',
  accountName: '收款账户名称',
  accountNumber: '收款账号',
  accountBranch: '开户网点',
  remittanceMethod: '缴库方式',
  dataExchangeMethod: '数据交换方式',
  cutoffTime: '当日缴库截止时间',
  signedOn: '签订日期',
  effectiveFrom: '生效日期',
  effectiveTo: '到期日期',
  filedOn: '备案日期',
  filingReference: '备案文号',
  filingDueOn: '备案期限',
  overdueFiling: '逾期未备案',
  status: '状态',
  note: '备注',
  version: '版本',
  createdAt: '创建时间',
  updatedAt: '更新时间',
  q: '搜索',
  history: '状态变更记录',
  reason: '原因',
  reference: '备案文号',
};
export type AgreementField = keyof typeof fieldZh;
export const agreementFieldTexts: Texts<AgreementField> = {
  'zh-CN': fieldZh,
  en: {
    id: 'ID',
    bankId: 'Bank',
    bankName: 'Bank',
    regionCode: 'Region',
    regionName: 'Region',
    agreementNo: 'Agreement no.',
    accountName: 'Account name',
    accountNumber: 'Account number',
    accountBranch: 'Opening branch',
    remittanceMethod: 'Remittance method',
    dataExchangeMethod: 'Data exchange',
    cutoffTime: 'Daily cut-off',
    signedOn: 'Signed on',
    effectiveFrom: 'Effective from',
    effectiveTo: 'Effective to',
    filedOn: 'Filed on',
    filingReference: 'Filing reference',
    filingDueOn: 'Filing due',
    overdueFiling: 'Filing overdue',
    status: 'Status',
    note: 'Note',
    version: 'Version',
    createdAt: 'Created',
    updatedAt: 'Updated',
    q: 'Search',
    history: 'Status history',
    reason: 'Reason',
    reference: 'Filing reference',
  },
};

export const agreementStatusTexts: Texts<'draft' | 'active' | 'suspended' | 'terminated'> = {
  'zh-CN': { draft: '草稿', active: '生效', suspended: '暂停', terminated: '终止' },
  en: { draft: 'Draft', active: 'Active', suspended: 'Suspended', terminated: 'Terminated' },
};

export const remittanceMethodTexts: Texts<'direct' | 'collection_account'> = {
  'zh-CN': { direct: '直接缴库', collection_account: '经汇缴专户缴库' },
  en: { direct: 'Direct to treasury', collection_account: 'Via collection account' },
};

export const dataExchangeTexts: Texts<'realtime_api' | 'batch_file' | 'front_end_processor'> = {
  'zh-CN': { realtime_api: '实时接口', batch_file: '日终批量文件', front_end_processor: '前置机' },
  en: {
    realtime_api: 'Real-time API',
    batch_file: 'Daily batch file',
    front_end_processor: 'Front-end processor',
  },
};
