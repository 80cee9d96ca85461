import { describe, expect, it } from 'vitest';
import { type CellKind, type CellValue, csvCell, escapeFormula } from './export';

describe('export cells', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+8613800000000', "'+8613800000000"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['青公交决字〔2026〕000070号', '青公交决字〔2026〕000070号'],
    ['a=b', 'a=b'],
  ])('text %j is written as %j', (input, output) => {
    expect(escapeFormula(input)).toBe(output);
  });

  it.each<[CellKind, CellValue, string]>([
    ['money', 12_345, '123.45'],
    ['money', -500, '-5.00'],
    ['number', -3, '-3'],
    ['instant', new Date('2026-03-01T17:30:05Z'), '2026-03-02 01:30:05'],
    ['instant', '2026-12-31T16:00:00.000Z', '2027-01-01 00:00:00'],
    ['date', '2026-03-02', '2026-03-02'],
    ['id', '0012345', '0012345'],
    ['id', '=cmd', "'=cmd"],
    ['text', null, ''],
  ])('%s %j → %j', (kind, value, text) => {
    expect(csvCell(kind, value)).toBe(text);
  });
});
