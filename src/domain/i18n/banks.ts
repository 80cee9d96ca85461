import type { Texts } from './format';

// 代理银行: the bank list's fields, on screen and in its export.
const fieldZh = { id: '代码', name: '名称', nameEn: '英文名称' };
export type BankField = keyof typeof fieldZh;
export const bankFieldTexts: Texts<BankField> = {
  'zh-CN': fieldZh,
  en: { id: 'Code', name: 'Name', nameEn: 'English name' },
};
