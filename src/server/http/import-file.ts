import { parse } from 'csv-parse/sync';
import { badRequest } from './errors';

/**
 * The rows of an uploaded CSV (header row, BOM tolerated) or JSON array; an unreadable file is a
 * 400 `unreadable_file` before any row is judged.
 */
export function readImportRows<T = Record<string, string>>(
  format: 'csv' | 'json',
  content: string,
  options: { lowerCaseHeaders?: boolean } = {},
): T[] {
  try {
    if (format === 'json') {
      const data: unknown = JSON.parse(content);
      if (!Array.isArray(data)) throw new Error('a JSON array is expected');
      return data as T[];
    }
    const rows: Record<string, string>[] = parse(content.replace(/^\uFEFF/, ''), {
      columns: (h: string[]) => h.map((c) => (options.lowerCaseHeaders ? c.trim().toLowerCase() : c.trim())),
      skip_empty_lines: true,
      trim: true,
    });
    return rows as T[];
  } catch (e) {
    throw badRequest(
      `The ${format.toUpperCase()} file cannot be read: ${(e as Error).message}`,
      { content: { code: 'invalid_format' } },
      'unreadable_file',
    );
  }
}
