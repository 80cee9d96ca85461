import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  auditActionTexts,
  auditResourceTexts,
  calendarSourceTexts,
  discrepancyOwnerTexts,
  errorTexts,
  eventDetailTexts,
  fieldErrorOf,
  fieldErrorTexts,
  flagDetailTexts,
  format,
  LANGS,
  passwordResetTexts,
  shanghaiDateTime,
  type Texts,
  treasuryEntrySourceTexts,
} from '.';

const groups: [string, Texts<string>][] = [
  ['errors', errorTexts],
  ['field errors', fieldErrorTexts],
  ['flag details', flagDetailTexts],
  ['discrepancy owners', discrepancyOwnerTexts],
  ['calendar sources', calendarSourceTexts],
  ['treasury entry sources', treasuryEntrySourceTexts],
  ['audit actions', auditActionTexts],
  ['audit resources', auditResourceTexts],
];
const placeholders = (s: string) => [...s.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each(groups)('%s', (_name, texts) => {
  it('has a text for every code in both languages, with the same placeholders', () => {
    const codes = Object.keys(texts['zh-CN']);
    expect(Object.keys(texts.en).sort()).toEqual([...codes].sort());
    for (const code of codes)
      for (const lang of LANGS) {
        const text = (texts[lang] as Record<string, string>)[code];
        expect(text.trim(), `${lang} ${code}`).not.toBe('');
        expect(placeholders(text), `${lang} ${code}`).toEqual(placeholders(texts.en[code]));
      }
  });

  it('speaks Chinese in zh-CN (only the pass-through of old stored text is exempt)', () => {
    for (const [code, text] of Object.entries(texts['zh-CN']))
      if (code !== 'legacy_text') expect(text, code).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('format', () => {
  it.each([
    ['fieldErrors', 'over_refund', { refundableFen: 15_000 }, 'zh-CN', '最多可退 ¥150.00'],
    ['fieldErrors', 'over_refund', { refundableFen: 15_000 }, 'en', 'At most ¥150.00 can be refunded'],
    ['fieldErrors', 'too_long', { max: 200 }, 'zh-CN', '最多 200 个字符'],
    [
      'flagDetails',
      'unpaid_after_collection',
      { bankTxnId: 'ICBC-20261102-1', receivedAt: '2026-11-02T02:07:24.000Z', hours: 2 },
      'zh-CN',
      '银行流水 ICBC-20261102-1 于 2026-11-02 10:07 到达，2 小时后决定书仍为未缴款',
    ],
    [
      'flagDetails',
      'amount_mismatch',
      { collectedFen: 10_000, dueFen: 12_000, on: '2026-03-02' },
      'zh-CN',
      '实收 ¥100.00，2026-03-02 应缴 ¥120.00',
    ],
    ['flagDetails', 'legacy_text', { text: 'Old English text' }, 'zh-CN', 'Old English text'],
    ['errors', 'not_a_code_we_know', undefined, 'zh-CN', 'not_a_code_we_know'],
  ] as const)('%s %s → %s', (group, code, params, lang, expected) => {
    expect(format(group, { code, params }, lang)).toBe(expected);
  });

  it('shows instants in Asia/Shanghai whatever the machine zone', () => {
    expect(shanghaiDateTime('2026-12-31T16:30:00Z')).toBe('2027-01-01 00:30');
  });
});

describe('fieldErrorOf', () => {
  it.each([
    [{ code: 'too_small', origin: 'string', minimum: 1 }, 'x', { code: 'required' }],
    [{ code: 'too_small', origin: 'string', minimum: 8 }, 'abc', { code: 'too_short', params: { min: 8 } }],
    [
      { code: 'too_big', origin: 'string', maximum: 200, message: 'too_long' },
      'x',
      { code: 'too_long', params: { max: 200 } },
    ],
    [{ code: 'too_big', origin: 'number', maximum: 5 }, 9, { code: 'too_big', params: { max: 5 } }],
    [{ code: 'invalid_format', message: 'digits_8_32' }, '12ab', { code: 'digits_8_32' }],
    [{ code: 'invalid_format', message: 'Invalid string' }, '12ab', { code: 'invalid_format' }],
    [{ code: 'custom', message: 'month_first_day' }, '2026-03-02', { code: 'month_first_day' }],
    [{ code: 'invalid_type', message: 'whatever' }, undefined, { code: 'required' }],
    [{ code: 'invalid_value' }, 'purple', { code: 'invalid_choice' }],
  ] as const)('%o on %o → %o', (issue, value, expected) => {
    expect(fieldErrorOf(issue, value)).toEqual(expected);
  });
});

describe('every error code the server sends has words', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
    });
  const codes = new Set<string>();
  for (const file of files(join(__dirname, '../../server'))) {
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/(?:conflict|unprocessable|HttpError\(\s*\d+,)\(?\s*'([a-z_]+)'/g))
      codes.add(m[1]);
    for (const m of src.matchAll(/\bcode: '([a-z_]+)'/g)) codes.add(m[1]);
  }
  it.each([...codes].sort())('%s', (code) => {
    // Notices (管理员于 … 重置了您的密码) are worded beside the screens that show them.
    const worded = [errorTexts, fieldErrorTexts, flagDetailTexts, eventDetailTexts, passwordResetTexts].some(
      (t) => Object.hasOwn(t.en, code),
    );
    expect(worded).toBe(true);
  });
});
