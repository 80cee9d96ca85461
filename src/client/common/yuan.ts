import { formatFen, parseYuan } from '../../domain/money';

/** The form edits yuan as text ("1,234.50"); the API takes integer fen. */
export const fenToYuanText = (fen: unknown) =>
  typeof fen === 'number' ? formatFen(fen).replace('¥', '') : '';

export const validateYuan = (value: unknown) => {
  try {
    if (parseYuan(String(value ?? '').trim()) <= 0) return 'app.validation.amount';
    return undefined;
  } catch {
    return 'app.validation.amount';
  }
};

/** Form values → API body: `amountYuan` becomes integer `amountFen`. */
export const yuanToFenBody = ({ amountYuan, ...rest }: Record<string, unknown>) => ({
  ...rest,
  amountFen: parseYuan(String(amountYuan).trim()),
});
