import { DomainInputError } from './errors';
import type { FieldError } from './i18n/field-errors';
import { parseYuan } from './money';

/** A CSV row of the decision import: text cells, the fine in yuan as people write it. */
export type DecisionCsvRow = Record<string, string | undefined>;

const RANGE = /^(\d{4}-\d{2}-\d{2})\s*(?:\.\.|~|至)\s*(\d{4}-\d{2}-\d{2})$/;

/**
 * Turns one CSV row into the shape `decisionInputSchema` validates: `fine` (yuan, `1,234.50`) or
 * `fineFen`, and `suspensions` as `2026-01-02..2026-01-10;2026-02-01..2026-02-03`.
 * Returns the candidate and the cell errors it could not convert; the schema judges the rest.
 */
export function decisionFromCsvRow(row: DecisionCsvRow): {
  candidate: Record<string, unknown>;
  errors: Record<string, FieldError>;
} {
  const errors: Record<string, FieldError> = {};
  const text = (k: string) => {
    const v = row[k]?.trim();
    return v ? v : undefined;
  };
  let fineFen: number | undefined;
  const fine = text('fine');
  const fen = text('fineFen');
  if (fine !== undefined) {
    try {
      fineFen = parseYuan(fine);
    } catch (e) {
      if (!(e instanceof DomainInputError)) throw e;
      errors.fine = { code: e.code, params: e.params };
    }
  } else if (fen !== undefined) {
    if (/^\d+$/.test(fen)) fineFen = Number(fen);
    else errors.fineFen = { code: 'whole_fen', params: { value: fen } };
  } else errors.fine = { code: 'required' };
  const suspensions: { from: string; to: string }[] = [];
  for (const part of (text('suspensions') ?? '').split(/[;；]/)) {
    const p = part.trim();
    if (!p) continue;
    const m = RANGE.exec(p);
    if (m) suspensions.push({ from: m[1], to: m[2] });
    else errors.suspensions = { code: 'suspension_period', params: { value: p } };
  }
  const candidate: Record<string, unknown> = {
    decisionNumber: text('decisionNumber') ?? '',
    unitCode: text('unitCode') ?? '',
    projectCode: text('projectCode') ?? '',
    fineFen,
    servedOn: text('servedOn') ?? '',
    partyName: text('partyName') ?? '',
    idNumber: text('idNumber') ?? '',
    licenceNumber: text('licenceNumber') ?? null,
    plate: text('plate') ?? null,
    suspensions,
  };
  return { candidate, errors };
}
