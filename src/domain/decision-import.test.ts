import { describe, expect, it } from 'vitest';
import { decisionFromCsvRow } from './decision-import';
import { decisionInputSchema } from './decisions';

const base = {
  decisionNumber: '3201001000000001',
  unitCode: '32010011',
  projectCode: '10300100101',
  fine: '200.00',
  servedOn: '2026-03-02',
  partyName: '张三',
  idNumber: '11010519491231002X',
};

describe('decisionFromCsvRow', () => {
  it.each([
    ['yuan with grouping', { fine: '1,234.50' }, { fineFen: 123450 }],
    ['yuan without decimals', { fine: '200' }, { fineFen: 20000 }],
    ['fen column', { fine: '', fineFen: '5000' }, { fineFen: 5000 }],
    [
      'two suspensions',
      { suspensions: '2026-03-05..2026-03-10; 2026-04-01至2026-04-02' },
      {
        suspensions: [
          { from: '2026-03-05', to: '2026-03-10' },
          { from: '2026-04-01', to: '2026-04-02' },
        ],
      },
    ],
    ['empty licence becomes null', { licenceNumber: ' ' }, { licenceNumber: null }],
  ])('%s', (_name, cells, expected) => {
    const { candidate, errors } = decisionFromCsvRow({ ...base, ...cells });
    expect(errors).toEqual({});
    expect(candidate).toMatchObject(expected);
    expect(decisionInputSchema.safeParse(candidate).success).toBe(true);
  });

  it.each([
    ['float-looking fine', { fine: '12.345' }, 'fine'],
    ['negative fine', { fine: '-5' }, 'fine'],
    ['missing fine', { fine: undefined }, 'fine'],
    ['fen with decimals', { fine: undefined, fineFen: '12.5' }, 'fineFen'],
    ['bad period', { suspensions: '2026-03-05 to 2026-03-10' }, 'suspensions'],
  ])('%s is a cell error', (_name, cells, field) => {
    const { errors } = decisionFromCsvRow({ ...base, ...cells });
    expect(Object.keys(errors)).toEqual([field]);
  });

  it('leaves the rest to the schema (a bad ID number is reported there)', () => {
    const { candidate, errors } = decisionFromCsvRow({ ...base, idNumber: '110105194912310021' });
    expect(errors).toEqual({});
    const parsed = decisionInputSchema.safeParse(candidate);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].path).toEqual(['idNumber']);
  });
});
