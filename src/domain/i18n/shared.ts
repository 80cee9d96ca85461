import type { Lang, Texts } from './format';

// Words several lists and their exports share: budget levels, yes/no, a bank's code.
// 预算级次
const levelZh = { central: '中央级', provincial: '省级', city: '市级', county: '县级' };
export type BudgetLevelCode = keyof typeof levelZh;
export const budgetLevelTexts: Texts<BudgetLevelCode> = {
  'zh-CN': levelZh,
  en: { central: 'Central', provincial: 'Provincial', city: 'City', county: 'County' },
};

export const yesNoTexts: Texts<'yes' | 'no'> = {
  'zh-CN': { yes: '是', no: '否' },
  en: { yes: 'Yes', no: 'No' },
};

/** The export's header for a bank's code beside its name (the screens show the name only). */
export const bankCodeTexts: Record<Lang, string> = { 'zh-CN': '代理银行代码', en: 'Bank code' };
