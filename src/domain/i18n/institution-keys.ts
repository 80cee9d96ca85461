import type { Texts } from './format';

// 接口密钥: what the key list and its export show (never the secret).
const fieldZh = {
  id: '密钥编号',
  institution: '机构类型',
  bankId: '代理银行',
  status: '状态',
  createdBy: '签发人',
  createdAt: '签发时间',
  revokedAt: '吊销时间',
  lastUsedAt: '最近使用',
  actions: '操作',
};
export type InstitutionKeyField = keyof typeof fieldZh;
export const institutionKeyFieldTexts: Texts<InstitutionKeyField> = {
  'zh-CN': fieldZh,
  en: {
    id: 'Key ID',
    institution: 'Institution',
    bankId: 'Bank',
    status: 'Status',
    createdBy: 'Issued by',
    createdAt: 'Issued',
    revokedAt: 'Revoked',
    lastUsedAt: 'Last used',
    actions: 'Actions',
  },
};

export const institutionKindTexts: Texts<'bank' | 'police' | 'treasury'> = {
  'zh-CN': { bank: '代理银行', police: '公安交管平台', treasury: '国库系统' },
  en: { bank: 'Agent bank', police: 'Police platform', treasury: 'Treasury system' },
};

export const institutionKeyStatusTexts: Texts<'active' | 'revoked'> = {
  'zh-CN': { active: '有效', revoked: '已吊销' },
  en: { active: 'Active', revoked: 'Revoked' },
};
