import { formatFen } from '../money';

/** A message as the server sends it: a code the reader's language words, and its values. */
export interface Coded {
  code: string;
  params?: Record<string, string | number>;
}

export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

/** The same code texts in both languages; a code missing in one of them does not compile. */
export type Texts<K extends string> = Record<Lang, Record<K, string>>;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Asia/Shanghai has no daylight saving, so UTC+8 is exact. */
export function shanghaiDateTime(instant: string | Date): string {
  const ms = (typeof instant === 'string' ? new Date(instant) : instant).getTime() + 8 * 3_600_000;
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * How a parameter reads on screen, by the naming rule of the API: `…Fen` is money (shown in yuan),
 * an ISO instant is a time (shown in Asia/Shanghai); everything else as it is.
 */
export function formatParam(name: string, value: string | number): string {
  if (/Fen$/.test(name) && typeof value === 'number' && Number.isSafeInteger(value)) return formatFen(value);
  if (typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value)))
    return shanghaiDateTime(value);
  return String(value);
}

export function formatParams(params: Coded['params'] = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, formatParam(k, v)]));
}

/** Fills `%{name}` placeholders (the syntax the SPA's polyglot uses too) with formatted params. */
export function fill(text: string, params?: Coded['params']): string {
  const values = formatParams(params);
  return text.replace(/%\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
