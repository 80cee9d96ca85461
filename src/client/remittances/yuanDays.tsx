import { FunctionField, useTranslate } from 'react-admin';
import { formatFen } from '../../domain/money';

/**
 * 占压 is money × time: fen × calendar days, shown as yuan-days (1,234.50 元·天). The unit goes
 * through the translations; the number is formatted like any amount, without the ¥ sign.
 */
export function useYuanDays() {
  const translate = useTranslate();
  return (fenDays: number) =>
    translate('app.timeliness.yuan_days', { amount: formatFen(fenDays).replace('¥', '') });
}

export const YuanDaysField = ({ source }: { source: string; label?: string }) => {
  const yuanDays = useYuanDays();
  return (
    <FunctionField<Record<string, unknown>>
      source={source}
      render={(r) => (typeof r[source] === 'number' ? yuanDays(r[source] as number) : '—')}
    />
  );
};
