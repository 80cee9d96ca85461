import { count, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Lang, Texts } from '../../domain/i18n';
import type { Actor } from '../../domain/roles';
import type { Db } from '../db/client';
import type { CellKind, CellValue, ExportColumn } from './export';
import type { ListSpec } from './list-query';
import type { ResourceList } from './resource-list';

/**
 * A whole-table list (master data): its spec, its scope inside the query and how a stored row is
 * shown (`present` drops what must never leave — hashes, secrets — and adds the react-admin id).
 */
export function tableList<T extends PgTable, Row>(
  db: Db,
  table: T,
  resource: string,
  def: {
    spec: (actor: Actor) => ListSpec;
    scope?: (actor: Actor) => SQL | undefined;
    present: (row: T['$inferSelect']) => Row;
  },
): ResourceList<Row> {
  return {
    resource,
    spec: def.spec,
    scope: (actor) => def.scope?.(actor),
    page: async (where, p) =>
      (
        (await db
          .select()
          .from(table as PgTable)
          .where(where)
          .orderBy(...p.orderBy)
          .limit(p.limit)
          .offset(p.offset)) as T['$inferSelect'][]
      ).map(def.present),
    count: async (where) =>
      (
        await db
          .select({ total: count() })
          .from(table as PgTable)
          .where(where)
      )[0].total,
  };
}

type ColumnDef<Row, F extends string> = [F, CellKind] | [F, CellKind, (row: Row, lang: Lang) => CellValue];

/**
 * Export columns headed by a resource's field labels (the same the screens show); a column reads
 * the row's field of the same name unless it says how.
 */
export function labelledColumns<Row, F extends string>(
  texts: Texts<F>,
  defs: ColumnDef<Row, F>[],
): ExportColumn<Row>[] {
  return defs.map(([key, kind, value]) => ({
    key,
    kind,
    label: { 'zh-CN': texts['zh-CN'][key], en: texts.en[key] },
    value: value ?? ((row) => (row as Record<string, CellValue>)[key]),
  }));
}

/** A code cell worded in the reader's language as on screen; an unknown code stays itself. */
export function wordedCell<Row, E extends string>(texts: Texts<E>, field: (row: Row) => unknown) {
  return (row: Row, lang: Lang): CellValue => {
    const code = field(row);
    if (code === null || code === undefined) return null;
    return (texts[lang] as Record<string, string>)[String(code)] ?? String(code);
  };
}
