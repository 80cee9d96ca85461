import type { Role } from '../roles';
import type { Lang, Texts } from './format';
import { fill } from './format';
import { roleTexts } from './users';

// 对账签认: what the sign-off table and its export call each column. A signer's columns name the
// role with its shared label (财政厅签认人, …).
const fieldZh = {
  month: '月份',
  bankId: '代理银行',
  bankName: '代理银行',
  signedBy: '%{role}签认人',
  signedAt: '%{role}签认时间',
  locked: '已锁定',
  reconciled: '已对账',
  openDiscrepancies: '待处理差异',
  openDiscrepancyCount: '待处理差异数',
  late: '逾期未签认',
};
export type SignoffField = keyof typeof fieldZh;
export const signoffFieldTexts: Texts<SignoffField> = {
  'zh-CN': fieldZh,
  en: {
    month: 'Month',
    bankId: 'Bank',
    bankName: 'Bank',
    signedBy: 'Signed by (%{role})',
    signedAt: 'Signed at (%{role})',
    locked: 'Locked',
    reconciled: 'Reconciled',
    openDiscrepancies: 'Open discrepancies',
    openDiscrepancyCount: 'Open discrepancies (count)',
    late: 'Late to sign',
  },
};

/** A signer's column header: `signoffRoleLabel('signedAt', 'police')` → 交警总队签认时间. */
export const signoffRoleLabel = (field: 'signedBy' | 'signedAt', role: Role): Record<Lang, string> => ({
  'zh-CN': fill(signoffFieldTexts['zh-CN'][field], { role: roleTexts['zh-CN'][role] }),
  en: fill(signoffFieldTexts.en[field], { role: roleTexts.en[role] }),
});
