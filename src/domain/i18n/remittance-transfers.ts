import type { Texts } from './format';

// 缴库划款: what the transfer list and its exports call each field.
const fieldZh = {
  id: '编号',
  bankId: '代理银行',
  bankName: '代理银行',
  reference: '划款凭证号',
  amountFen: '划款金额',
  transferredAt: '划款时间',
  businessDate: '业务日期',
  keyId: '接口密钥',
  createdAt: '接收时间',
};
export type RemittanceTransferField = keyof typeof fieldZh;
export const remittanceTransferFieldTexts: Texts<RemittanceTransferField> = {
  'zh-CN': fieldZh,
  en: {
    id: 'ID',
    bankId: 'Bank',
    bankName: 'Bank',
    reference: 'Transfer reference',
    amountFen: 'Amount',
    transferredAt: 'Transferred at',
    businessDate: 'Business date',
    keyId: 'API key',
    createdAt: 'Received at',
  },
};
