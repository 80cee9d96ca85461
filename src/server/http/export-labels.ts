import type { Lang, Texts } from '../../domain/i18n';
import type { CellKind, CellValue, ExportColumn } from './export';

/**
 * Export columns labelled from a resource's field texts in `src/domain/i18n` (the same words as the
 * screen): `col` writes a field as it is, `word` an enum value in the reader's language.
 */
export function exportColumns<Row, F extends string>(fields: Texts<F>) {
  const label = (key: F): Record<Lang, string> => ({ 'zh-CN': fields['zh-CN'][key], en: fields.en[key] });
  return {
    label,
    col: (key: F & keyof Row & string, kind: CellKind): ExportColumn<Row> => ({
      key,
      kind,
      label: label(key),
      value: (r) => r[key] as CellValue,
    }),
    word: <C extends string>(key: F & keyof Row & string, words: Texts<C>): ExportColumn<Row> => ({
      key,
      kind: 'text',
      label: label(key),
      value: (r, lang) => {
        const v = r[key] as string | null;
        return v === null ? null : (words[lang][v as C] ?? v);
      },
    }),
  };
}
