import { isIsoDate } from './dates';
import { DomainInputError } from './errors';
import { maskMiddle } from './mask';

/** Party name keeps the first and last character (two characters keep the first): 叶小梅 → 叶*梅, 张三 → 张*. */
export function maskName(s: string): string {
  const chars = Array.from(s);
  if (chars.length <= 1) return '*'.repeat(chars.length);
  if (chars.length === 2) return `${chars[0]}*`;
  return maskMiddle(s, 1, 1);
}

/** ID and licence numbers keep the first 6 and last 4. */
export const maskIdNumber = (s: string): string => maskMiddle(s, 6, 4);

/** Plates keep the first 2 and last 2: 青A12345 → 青A***45. */
export const maskPlate = (s: string): string => maskMiddle(s, 2, 2);

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/**
 * GB 11643: 17 digits, a real birth date, and the mod-11 check character (uppercase X only). The
 * standard's own example is born in 1880, so the floor is 1800 (the 18-digit number has a 4-digit year).
 */
export function isValidIdNumber(s: string): boolean {
  if (typeof s !== 'string' || !/^\d{17}[\dX]$/.test(s)) return false;
  const birth = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  const year = Number(s.slice(6, 10));
  if (!isIsoDate(birth) || year < 1800) return false;
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(s[i]), 0);
  return CHECK[sum % 11] === s[17];
}

const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const PLATE = new RegExp(`^[${PROVINCES}][A-HJ-NP-Z][A-HJ-NP-Z0-9]{5,6}$`);

/** Simplified plate rule (DOMAIN.md §8): province + letter + 5 characters, or 6 for new-energy plates; no I or O. */
export const isValidPlate = (s: string): boolean => typeof s === 'string' && PLATE.test(s);

/** 罚款项目编码 project code: 5-digit department code + 6-digit item code. */
export function parseProjectCode(code: string): { departmentCode: string; itemCode: string } {
  if (typeof code !== 'string' || !/^\d{11}$/.test(code))
    throw new DomainInputError(
      'code',
      `A project code is 11 digits (5-digit department + 6-digit item), got "${code}"`,
      'project_code',
    );
  return { departmentCode: code.slice(0, 5), itemCode: code.slice(5) };
}
