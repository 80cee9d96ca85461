import type { CollectionChannel } from '../decisions';
import type { Texts } from './format';

// 代收明细: what the list, its show page and its exports call each field and channel.
const fieldZh = {
  collectedAt: '缴款时间',
  bankId: '代理银行代码',
  bankName: '代理银行',
  bankTxnId: '银行流水号',
  decisionNumber: '决定书编号',
  amountFen: '实收金额',
  expectedFen: '应收金额',
  channel: '缴款渠道',
  businessDate: '业务日期',
  receivedAt: '平台接收时间',
  matched: '匹配',
  openFlags: '待核查标记',
  regionCode: '行政区划',
  flags: '稽核标记',
};
export type CollectionField = keyof typeof fieldZh;
export const collectionFieldTexts: Texts<CollectionField> = {
  'zh-CN': fieldZh,
  en: {
    collectedAt: 'Collected at',
    bankId: 'Bank code',
    bankName: 'Agent bank',
    bankTxnId: 'Bank transaction id',
    decisionNumber: 'Decision number',
    amountFen: 'Amount collected',
    expectedFen: 'Amount due',
    channel: 'Channel',
    businessDate: 'Business date',
    receivedAt: 'Received by the platform',
    matched: 'Matched',
    openFlags: 'Open flags',
    regionCode: 'Region',
    flags: 'Flags',
  },
};

export const channelTexts: Texts<CollectionChannel> = {
  'zh-CN': {
    counter: '柜台',
    online_banking: '网上银行',
    mobile_banking: '手机银行',
    pos: '刷卡终端',
    terminal: '自助终端',
    alipay: '支付宝',
    wechat: '微信支付',
  },
  en: {
    counter: 'Counter',
    online_banking: 'Online banking',
    mobile_banking: 'Mobile banking',
    pos: 'Card terminal',
    terminal: 'Self-service terminal',
    alipay: 'Alipay',
    wechat: 'WeChat Pay',
  },
};

export const matchedTexts: Texts<'yes' | 'no'> = {
  'zh-CN': { yes: '已匹配', no: '未匹配决定书' },
  en: { yes: 'Matched', no: 'No decision yet' },
};
