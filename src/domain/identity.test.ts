import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidIdNumber, isValidPlate, maskIdNumber, maskName, maskPlate, parseProjectCode } from './index';

describe('masking (DOMAIN.md §8)', () => {
  it.each([
    ['叶小梅', '叶*梅'],
    ['欧阳娜娜', '欧**娜'],
    ['张三', '张*'],
    ['王', '*'],
  ])('maskName(%s) = %s', (s, m) => expect(maskName(s)).toBe(m));
  it('maskIdNumber keeps the first 6 and last 4', () =>
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X'));
  it.each([
    ['青A12345', '青A***45'],
    ['粤BD12345', '粤B****45'],
  ])('maskPlate(%s) = %s', (s, m) => expect(maskPlate(s)).toBe(m));

  it('property: masks keep the length and never reveal more than specified', () => {
    const text = fc.string({ maxLength: 30, unit: fc.constantFrom(...'青粤A1234567890BCDXabc叶小梅欧阳') });
    fc.assert(
      fc.property(text, (s) => {
        const len = Array.from(s).length;
        const revealed = (m: string) => Array.from(m).filter((c) => c !== '*').length;
        for (const [mask, limit] of [
          [maskName, len <= 2 ? Math.max(len - 1, 0) : 2],
          [maskIdNumber, len > 10 ? 10 : Math.min(6, Math.floor(len / 2))],
          [maskPlate, len > 4 ? 4 : Math.min(2, Math.floor(len / 2))],
        ] as const) {
          const m = mask(s);
          expect(Array.from(m).length).toBe(len);
          expect(revealed(m)).toBeLessThanOrEqual(limit);
        }
      }),
    );
  });
});

describe('identity numbers (GB 11643)', () => {
  it.each([
    ['11010519491231002X', true],
    ['11010519491231002x', false],
    ['110105194912310021', false],
    ['110105194902300020', false],
    ['11010519491231002', false],
    // GB 11643's own example (born 1880-01-01).
    ['440524188001010014', true],
    ['440524179901010015', false], // valid check digit, born before 1800,
  ])('isValidIdNumber(%s) = %s', (s, ok) => expect(isValidIdNumber(s)).toBe(ok));
});

describe('plates', () => {
  it.each([
    ['青A12345', true],
    ['粤BD12345', true],
    ['青AI2345', false],
    ['青A1234', false],
    ['XA12345', false],
    ['青a12345', false],
    ['青AO2345', false],
  ])('isValidPlate(%s) = %s', (s, ok) => expect(isValidPlate(s)).toBe(ok));
});

describe('project codes', () => {
  it('splits department and item', () =>
    expect(parseProjectCode('00200430900')).toEqual({ departmentCode: '00200', itemCode: '430900' }));
  it.each(['0020043090', '002004309000', '0020043090A', ''])('refuses %j', (c) =>
    expect(() => parseProjectCode(c)).toThrow(/11 digits/),
  );
});
