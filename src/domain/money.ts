import { DomainInputError } from './errors';

function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen))
    throw new DomainInputError('fen', `An amount must be a whole number of fen, got ${fen}`, 'whole_fen', {
      value: String(fen),
    });
}

/** 123450 → '¥1,234.50'; -100 → '-¥1.00'. */
export function formatFen(fen: number): string {
  assertFen(fen);
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fen < 0 ? '-' : ''}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

const GROUPED = /^\d{1,3}(,\d{3})*(\.\d{1,2})?$/;
const PLAIN = /^\d+(\.\d{1,2})?$/;

/** '1,234.5' → 123450. Only plain or comma-grouped yuan with at most two decimals; never floats. */
export function parseYuan(text: string): number {
  if (typeof text !== 'string' || !(GROUPED.test(text) || PLAIN.test(text)))
    throw new DomainInputError(
      'amount',
      `"${text}" is not an amount in yuan (e.g. 1,234.50)`,
      'amount_yuan',
      {
        value: String(text),
      },
    );
  const [intPart, frac = ''] = text.replace(/,/g, '').split('.');
  const fen = Number(intPart) * 100 + Number(frac.padEnd(2, '0'));
  if (!Number.isSafeInteger(fen) || Number(intPart) > Number.MAX_SAFE_INTEGER / 100)
    throw new DomainInputError('amount', `"${text}" is too large`, 'amount_too_large');
  return fen;
}

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const IN_GROUP = ['', '拾', '佰', '仟'];
const GROUPS = ['', '万', '亿', '万亿'];

/** 1..9999 in capitals; zeros inside the group become one 零, trailing zeros vanish. */
function groupWords(n: number): string {
  let out = '';
  let zero = false;
  for (let pos = 3; pos >= 0; pos--) {
    const digit = Math.floor(n / 10 ** pos) % 10;
    if (digit === 0) {
      if (out) zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[digit] + IN_GROUP[pos];
  }
  return out;
}

function integerWords(n: number): string {
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
  let out = '';
  // A zero digit between two non-zero digits is written 零, also where it straddles a 万/亿 boundary.
  let gap = false;
  for (let g = groups.length - 1; g >= 0; g--) {
    const value = groups[g];
    if (value === 0) {
      if (out) gap = true;
      continue;
    }
    if (out && (gap || value < 1000)) out += '零';
    out += groupWords(value) + GROUPS[g];
    gap = value % 10 === 0;
  }
  return out;
}

/**
 * 大写 amount in words per the central bank's rules, with DOMAIN.md §9's fixed choices: 零 across every
 * zero gap (also between a yuan ending in 0 and a jiao), 整 only when jiao and fen are both zero, 壹拾 at the start.
 */
export function amountInWords(fen: number): string {
  assertFen(fen);
  if (fen < 0)
    throw new DomainInputError(
      'fen',
      `Amounts in words are written for non-negative amounts, got ${fen}`,
      'too_small',
      { min: 0 },
    );
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  if (fen === 0) return '零元整';
  let out = yuan > 0 ? `${integerWords(yuan)}元` : '';
  if (jiao === 0 && cents === 0) return `${out}整`;
  if (jiao > 0) out += `${yuan > 0 && yuan % 10 === 0 ? '零' : ''}${DIGITS[jiao]}角`;
  if (cents > 0) out += `${yuan > 0 && jiao === 0 ? '零' : ''}${DIGITS[cents]}分`;
  return out;
}
