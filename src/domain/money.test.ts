import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountInWords, DomainInputError, formatFen, parseYuan } from './index';

describe('formatFen', () => {
  it.each([
    [123450, '¥1,234.50'],
    [-100, '-¥1.00'],
    [0, '¥0.00'],
    [5, '¥0.05'],
    [100000000, '¥1,000,000.00'],
  ])('%i → %s', (fen, text) => expect(formatFen(fen)).toBe(text));
  it('refuses non-integers', () => expect(() => formatFen(1.5)).toThrow(DomainInputError));
});

describe('parseYuan', () => {
  it.each([
    ['1,234.5', 123450],
    ['1234.56', 123456],
    ['0.05', 5],
    ['12', 1200],
    ['1,000,000', 100000000],
  ])('%s → %i fen', (text, fen) => expect(parseYuan(text)).toBe(fen));
  it.each(['12.345', '-1', '1e3', '¥5', '', '1,23.00', '1.', '.5', ' 1', '1,2345'])('refuses %j', (text) =>
    expect(() => parseYuan(text)).toThrow(DomainInputError),
  );
  it('property: parseYuan(format) round-trips', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (fen) => {
        expect(parseYuan(formatFen(fen).replace('¥', ''))).toBe(fen);
      }),
    );
  });
});

describe('amountInWords (DOMAIN.md §9)', () => {
  it.each([
    [12345, '壹佰贰拾叁元肆角伍分'],
    [10000, '壹佰元整'],
    [1000, '壹拾元整'],
    [168032, '壹仟陆佰捌拾元零叁角贰分'],
    [10050, '壹佰元零伍角'],
    [100005, '壹仟元零伍分'],
    [5, '伍分'],
    [50, '伍角'],
    [0, '零元整'],
    [100100, '壹仟零壹元整'],
    [1000000000, '壹仟万元整'],
    [10000100, '壹拾万零壹元整'],
    [100000000000, '壹拾亿元整'],
    [10000000100, '壹亿零壹元整'],
    [168102, '壹仟陆佰捌拾壹元零贰分'],
    [168120, '壹仟陆佰捌拾壹元贰角'],
    [1500000000, '壹仟伍佰万元整'],
    [2030405000, '贰仟零叁拾万零肆仟零伍拾元整'],
  ])('%i fen → %s', (fen, words) => expect(amountInWords(fen)).toBe(words));
  it('refuses negative and fractional fen', () => {
    expect(() => amountInWords(-1)).toThrow(DomainInputError);
    expect(() => amountInWords(1.5)).toThrow(DomainInputError);
  });
});
