import { describe, expect, it } from 'vitest';
import {
  balance,
  carve,
  checkCodeFrom,
  compressNumbers,
  eReceiptCode,
  formatReceiptNumber,
  gapsInUse,
  isCheckCode,
  rangesOverlap,
  receiptBatchInputSchema,
  uncheckedStubs,
  voidRateTooHigh,
} from './receipts';

describe('e-receipt code 预附码 (DOMAIN.md §2: region(2)+category(2)+type(2)+year(2))', () => {
  it.each([
    ['63', '01', '01', 2026, '63010126'],
    ['11', '02', '03', 2025, '11020325'],
    ['63', '01', '01', 2030, '63010130'],
  ])('%s %s %s %i → %s', (region, category, type, year, code) => {
    expect(eReceiptCode(region, category, type, year)).toBe(code);
  });
  it.each([
    ['6', '01', '01', 2026],
    ['63', '1', '01', 2026],
    ['63', '01', 'AB', 2026],
    ['63', '01', '01', 1999],
  ])('refuses %s %s %s %i', (region, category, type, year) => {
    expect(() => eReceiptCode(region, category, type, year)).toThrow(RangeError);
  });
  it('numbers are 10 digits', () => {
    expect(formatReceiptNumber(1)).toBe('0000000001');
    expect(formatReceiptNumber(1_234_567_890)).toBe('1234567890');
  });
});

describe('check code (6 characters, no look-alikes)', () => {
  it('maps bytes onto the alphabet deterministically', () => {
    expect(checkCodeFrom(new Uint8Array([0, 1, 2, 30, 31, 255]))).toBe('ABC9AH');
  });
  it.each([
    ['ABC9AR', true],
    ['ABC0AR', false],
    ['ABCIAR', false],
    ['abc9ar', false],
    ['ABC9A', false],
  ])('%s valid: %s', (s, ok) => {
    expect(isCheckCode(s)).toBe(ok);
  });
  it('needs six bytes', () => {
    expect(() => checkCodeFrom(new Uint8Array(5))).toThrow(RangeError);
  });
});

describe('ranges', () => {
  it.each([
    [{ startNo: 1, endNo: 100 }, { startNo: 100, endNo: 200 }, true],
    [{ startNo: 1, endNo: 100 }, { startNo: 101, endNo: 200 }, false],
    [{ startNo: 50, endNo: 60 }, { startNo: 1, endNo: 100 }, true],
  ])('%o overlaps %o: %s', (a, b, expected) => {
    expect(rangesOverlap(a, b)).toBe(expected);
  });

  it('carves from the lowest numbers first, splitting the last range', () => {
    const held = [
      { id: 2, startNo: 501, endNo: 600 },
      { id: 1, startNo: 1, endNo: 50 },
    ];
    const r = carve(held, 80);
    expect(r?.moved.map(({ startNo, endNo, from }) => [startNo, endNo, from.id])).toEqual([
      [1, 50, 1],
      [501, 530, 2],
    ]);
    expect(r?.left.map(({ startNo, endNo, from }) => [startNo, endNo, from.id])).toEqual([[531, 600, 2]]);
  });
  it('carves a whole range without leaving an empty piece', () => {
    const r = carve([{ startNo: 1, endNo: 10 }], 10);
    expect(r?.left).toEqual([]);
    expect(r?.moved).toHaveLength(1);
  });
  it('refuses more than is held', () => {
    expect(carve([{ startNo: 1, endNo: 10 }], 11)).toBeNull();
  });

  it.each([
    [[1, 2, 3, 7], '1–3, 7'],
    [[9, 8, 10], '8–10'],
    [[], ''],
  ])('compresses %o → %s', (numbers, text) => {
    expect(compressNumbers(numbers)).toBe(text);
  });

  it('purchase ranges must be ordered', () => {
    const base = { typeCode: 'payment_form', purchasedOn: '2026-03-01' };
    expect(receiptBatchInputSchema.safeParse({ ...base, startNo: 10, endNo: 9 }).success).toBe(false);
    expect(receiptBatchInputSchema.safeParse({ ...base, startNo: 10, endNo: 10 }).success).toBe(true);
    expect(
      receiptBatchInputSchema.safeParse({ ...base, typeCode: 'e_receipt', startNo: 1, endNo: 2 }).success,
    ).toBe(false);
  });
});

describe('验旧换新: used stubs older than the period block new stock until written off', () => {
  const stubs = [
    { number: 1, issuedOn: '2025-12-01', writtenOff: true },
    { number: 2, issuedOn: '2025-12-01', writtenOff: false },
    { number: 3, issuedOn: '2025-12-16', writtenOff: false }, // exactly 90 days before 2026-03-16
    { number: 4, issuedOn: '2026-03-01', writtenOff: false },
  ];
  it.each([
    [90, [2]],
    [30, [2, 3]],
    [365, []],
  ])('period %i days → %o', (days, blocked) => {
    expect(uncheckedStubs(stubs, '2026-03-16', days)).toEqual(blocked);
  });
});

describe('findings', () => {
  it('gaps are unused numbers below the highest used one', () => {
    expect(gapsInUse({ startNo: 100, endNo: 200 }, [100, 101, 104, 106])).toEqual([102, 103, 105]);
    expect(gapsInUse({ startNo: 100, endNo: 200 }, [])).toEqual([]);
    expect(gapsInUse({ startNo: 100, endNo: 200 }, [99, 250])).toEqual([]);
  });
  it.each([
    [2, 20, 0.05, true],
    [1, 20, 0.05, false],
    [5, 19, 0.05, false], // too few receipts to judge
  ])('%i void of %i used, threshold %f → %s', (voided, used, threshold, high) => {
    expect(voidRateTooHigh(voided, used, threshold)).toBe(high);
  });
  it('balance adds up', () => {
    expect(balance({ received: 500, passedOn: 200, used: 37 })).toBe(263);
  });
});
