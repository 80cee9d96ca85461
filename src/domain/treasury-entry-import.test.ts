import { describe, expect, it } from 'vitest';
import { treasuryEntryFromCsvRow, treasuryEntryRowSchema } from './treasury-entry-import';

const row = {
  treasuryCode: 'GK630000',
  entryDate: '2026-03-10',
  amount: '1,234.50',
  budgetSubjectCode: '103050101101',
  budgetLevel: '省级',
  transferReference: 'ICBC-REM-0001',
};

describe('treasury entry file rows 国库入库文件', () => {
  it.each([
    ['yuan with a thousands separator', {}, { amountFen: 123_450, budgetLevel: 'provincial' }],
    ['fen instead of yuan', { amount: undefined, amountFen: '99' }, { amountFen: 99 }],
    ['level as a code', { budgetLevel: 'county' }, { budgetLevel: 'county' }],
    ['central level in Chinese', { budgetLevel: '中央级' }, { budgetLevel: 'central' }],
  ])('%s', (_name, change, expected) => {
    const { candidate, errors } = treasuryEntryFromCsvRow({ ...row, ...change });
    expect(errors).toEqual({});
    const parsed = treasuryEntryRowSchema.safeParse(candidate);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject(expected);
  });

  it.each([
    ['amount with three decimals', { amount: '1.234' }, 'amount'],
    ['amount missing', { amount: undefined }, 'amount'],
    ['fen with a decimal point', { amount: undefined, amountFen: '1.5' }, 'amountFen'],
  ])('%s is a cell error', (_name, change, field) => {
    expect(Object.keys(treasuryEntryFromCsvRow({ ...row, ...change }).errors)).toEqual([field]);
  });

  it.each([
    ['an unknown level', { budgetLevel: '乡级' }, 'budgetLevel'],
    ['a bad date', { entryDate: '2026-02-30' }, 'entryDate'],
    ['an 8-digit budget subject', { budgetSubjectCode: '10305010' }, 'budgetSubjectCode'],
    ['no transfer reference', { transferReference: '' }, 'transferReference'],
    ['no treasury', { treasuryCode: '' }, 'treasuryCode'],
  ])('%s is refused by the schema, naming the field', (_name, change, field) => {
    const { candidate } = treasuryEntryFromCsvRow({ ...row, ...change });
    const parsed = treasuryEntryRowSchema.safeParse(candidate);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path[0])).toContain(field);
  });
});
