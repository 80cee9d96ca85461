import { PassThrough, type Writable } from 'node:stream';
import { setImmediate as yieldToOthers } from 'node:timers/promises';
import { stringify as stringifySync } from 'csv-stringify/sync';
import { and, asc, type Column, desc, type SQL, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Lang } from '../../domain/i18n';
import type { Action, Resource } from '../../domain/permissions';
import type { Actor } from '../../domain/roles';
import { type AppContext, actorOf } from '../context';
import { type ListSpec, listQuerySchema } from './list-query';
import { maskPiiFilter } from './log-redact';
import { type ResourceList, scopedWhere } from './resource-list';

/**
 * How one column is written: `text` as is (formula-escaped), `id` as text Excel must not turn into a
 * number, `money` fen → yuan, `instant` in Asia/Shanghai, `date` a business date, `number` as is.
 */
export type CellKind = 'text' | 'id' | 'money' | 'instant' | 'date' | 'number';
export type CellValue = string | number | Date | null | undefined;

export interface ExportColumn<Row> {
  key: string;
  kind: CellKind;
  label: Record<Lang, string>;
  value(row: Row, lang: Lang): CellValue;
}

export const exportQuerySchema = listQuerySchema.pick({ filter: true, sort: true }).extend({
  locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
});

/** Rows per keyset page: small enough to keep memory flat, large enough to stream fast. */
export const EXPORT_PAGE_ROWS = 2_000;
/** Excel's sheet limit is 1,048,576 rows; a new sheet starts well before it. */
export const XLSX_SHEET_ROWS = 1_000_000;

const FORMULA_START = /^[=+\-@\t\r]/;
/** A spreadsheet never executes a cell we wrote: text that could start a formula gets a leading `'`. */
export const escapeFormula = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);

const SHANGHAI_MS = 8 * 3_600_000;
const pad = (n: number) => String(n).padStart(2, '0');
function shanghaiText(d: Date): string {
  const s = new Date(d.getTime() + SHANGHAI_MS);
  return `${s.getUTCFullYear()}-${pad(s.getUTCMonth() + 1)}-${pad(s.getUTCDate())} ${pad(s.getUTCHours())}:${pad(s.getUTCMinutes())}:${pad(s.getUTCSeconds())}`;
}
const yuan = (fen: number) => (fen / 100).toFixed(2);

/** A cell as CSV text. */
export function csvCell(kind: CellKind, v: CellValue): string {
  if (v === null || v === undefined) return '';
  switch (kind) {
    case 'money':
      return yuan(Number(v));
    case 'number':
      return String(v);
    case 'instant':
      return shanghaiText(v instanceof Date ? v : new Date(v));
    default:
      return escapeFormula(String(v));
  }
}

/** A cell as an XLSX value: numbers stay numbers, times are dates shown as Shanghai wall time. */
function xlsxCell(kind: CellKind, v: CellValue): string | number | Date | null {
  if (v === null || v === undefined) return null;
  switch (kind) {
    case 'money':
      return Math.round(Number(v)) / 100;
    case 'number':
      return Number(v);
    // Excel dates carry no zone: write the Shanghai wall-clock time as if it were UTC.
    case 'instant':
      return new Date((v instanceof Date ? v : new Date(v)).getTime() + SHANGHAI_MS);
    case 'date':
      return new Date(`${String(v)}T00:00:00Z`);
    default:
      return escapeFormula(String(v));
  }
}

const NUM_FMT: Partial<Record<CellKind, string>> = {
  money: '#,##0.00',
  instant: 'yyyy-mm-dd hh:mm:ss',
  date: 'yyyy-mm-dd',
  id: '@',
};

/**
 * Every row the list would show for this filter, in its order, page by page on the sort key and
 * id (keyset: each page is an index range, memory stays flat on any table size and no transaction
 * stays open for the minutes a large export takes). The next page is asked for as soon as the
 * current one arrives, so the database works while this page is being written; between pages other
 * requests are served, and paging stops when the client has gone.
 */
async function* keysetPages<Row extends { id: number | string }>(
  list: ResourceList<Row>,
  spec: ListSpec,
  where: SQL | undefined,
  sortField: string,
  order: 'ASC' | 'DESC',
  gone: () => boolean,
): AsyncGenerator<Row[]> {
  const sortCol = spec.sortable[sortField] as Column;
  const idCol = spec.idColumn;
  const dir = order === 'ASC' ? asc : desc;
  const orderBy = sortField === 'id' ? [dir(idCol)] : [dir(sortCol), dir(idCol)];
  const cmp = order === 'ASC' ? sql.raw('>') : sql.raw('<');
  const fetchAfter = (last: Row | undefined) => {
    let after: SQL | undefined;
    if (last) {
      const raw = list.sortValue
        ? list.sortValue(last, sortField)
        : (last as Record<string, unknown>)[sortField];
      const v = raw instanceof Date ? raw.toISOString() : raw;
      after =
        sortField === 'id'
          ? sql`${idCol} ${cmp} ${last.id}`
          : sql`(${sortCol}, ${idCol}) ${cmp} (${v}, ${last.id})`;
    }
    return list.page(and(where, after), { orderBy, limit: EXPORT_PAGE_ROWS, offset: 0 });
  };
  let next: Promise<Row[]> | undefined = fetchAfter(undefined);
  while (next) {
    const rows: Row[] = await next;
    next = rows.length === EXPORT_PAGE_ROWS && !gone() ? fetchAfter(rows[rows.length - 1]) : undefined;
    // A prefetched page nobody will read must not become an unhandled rejection.
    next?.catch(() => {});
    if (rows.length) yield rows;
    if (gone()) return;
    await yieldToOthers();
  }
}

/** Counts the rows handed to a writer, so an interrupted export is audited with what left. */
async function* counted<Row>(pages: AsyncGenerator<Row[]>, progress: { rows: number }) {
  for await (const rows of pages) {
    yield rows;
    progress.rows += rows.length;
  }
}

/** Resolves once the stream wants more data again, or has closed (the client went away). */
function drained(stream: Writable): Promise<void> {
  if (stream.destroyed || !stream.writableNeedDrain) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.once('drain', done);
    stream.once('close', done);
  });
}

/** Writes, waiting when the reader is slower than the database. */
async function write(stream: Writable, chunk: unknown) {
  if (stream.destroyed) return;
  stream.write(chunk);
  await drained(stream);
}

interface ExportDef<Row> {
  list: ResourceList<Row>;
  columns: ExportColumn<Row>[];
  permission: [Resource, Action];
  /** File name stem, e.g. `collections` → `collections-2026-03-16.csv`. */
  name: string;
}

/**
 * `GET <prefix>/export.csv` and `/export.xlsx`: the same scope, filter and sort as the list, no row
 * cap, streamed; a bad filter is a 400 before anything streams; one audit event with the row count.
 */
export function registerExports<Row extends { id: number | string }>(
  app: FastifyInstance,
  ctx: AppContext,
  def: ExportDef<Row>,
) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  for (const format of ['csv', 'xlsx'] as const) {
    typed.get(
      `/export.${format}`,
      { config: { permission: def.permission }, schema: { querystring: exportQuerySchema } },
      async (request, reply) => {
        const actor = actorOf(request);
        const { locale, ...query } = request.query;
        const { where, spec } = scopedWhere(def.list, actor, query);
        const [sortField, order] = sortOf(query.sort, spec.defaultSort);
        return sendExport(reply, {
          format,
          stem: `${def.name}-${ctx.clock.today()}`,
          columns: def.columns,
          lang: locale,
          pages: (gone) => keysetPages(def.list, spec, where, sortField, order, gone),
          onError: (err) => request.log.error({ err }, 'export failed'),
          audit: (rows, interrupted) =>
            audit(ctx, request, actor, def, query.filter, format, rows, interrupted),
        });
      },
    );
  }
}

interface ExportRun<Row> {
  format: 'csv' | 'xlsx';
  /** File name without extension, e.g. `collections-2026-03-16`. */
  stem: string;
  columns: ExportColumn<Row>[];
  lang: Lang;
  /** The rows, page by page; `gone()` turns true when the client has hung up. */
  pages(gone: () => boolean): AsyncGenerator<Row[]>;
  onError(err: unknown): void;
  /** Records the export; awaited before the file's last byte leaves, so a finished download is audited. */
  audit(rows: number, interrupted: boolean): Promise<unknown>;
}

/**
 * Streams one export as the response. The writer fills `body`, which feeds the response without
 * ending it: the response ends only after the audit event is stored. A client that hangs up stops the
 * paging and is audited as interrupted with the rows that left.
 */
export function sendExport<Row>(reply: FastifyReply, run: ExportRun<Row>) {
  const { format, stem } = run;
  reply.header(
    'Content-Disposition',
    `attachment; filename="${stem}.${format}"; filename*=UTF-8''${encodeURIComponent(stem)}.${format}`,
  );
  reply.header('Cache-Control', 'no-store');
  reply.type(
    format === 'csv'
      ? 'text/csv; charset=utf-8'
      : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  const out = new PassThrough();
  const body = new PassThrough();
  body.pipe(out, { end: false });
  let gone = false;
  // The response closes before it has finished only when the client went away.
  reply.raw.on('close', () => {
    if (reply.raw.writableFinished) return;
    gone = true;
    body.destroy();
  });
  const progress = { rows: 0 };
  const pages = counted(
    run.pages(() => gone),
    progress,
  );
  const writing =
    format === 'csv'
      ? writeCsv(body, pages, run.columns, run.lang)
      : writeXlsx(body, pages, run.columns, run.lang);
  let failure: unknown;
  // 'end': everything written has also passed on into the response.
  const finished = new Promise<void>((resolve) => {
    if (body.readableEnded) resolve();
    else body.once('end', resolve).once('close', resolve);
  });
  writing
    .catch((err) => {
      failure = err;
    })
    .then(() => finished)
    .then(() => run.audit(progress.rows, gone))
    .catch((err) => {
      failure ??= err;
    })
    .then(() => {
      if (failure && !gone) run.onError(failure);
      if (failure) out.destroy(failure as Error);
      else out.end();
    });
  return reply.send(out);
}

function sortOf(sort: string | undefined, fallback: [string, 'ASC' | 'DESC']): [string, 'ASC' | 'DESC'] {
  // parseList already validated it (field whitelisted, order ASC/DESC).
  return sort ? (JSON.parse(sort) as [string, 'ASC' | 'DESC']) : fallback;
}

async function writeCsv<Row>(
  out: PassThrough,
  pages: AsyncGenerator<Row[]>,
  columns: ExportColumn<Row>[],
  lang: Lang,
): Promise<number> {
  // One CSV chunk per page: a page formats in a few milliseconds, a stream write per row would cost more.
  const options = { record_delimiter: 'windows' } as const;
  await write(out, `\uFEFF${stringifySync([columns.map((c) => c.label[lang])], options)}`);
  let n = 0;
  for await (const rows of pages) {
    await write(
      out,
      stringifySync(
        rows.map((row) => columns.map((c) => csvCell(c.kind, c.value(row, lang)))),
        options,
      ),
    );
    n += rows.length;
  }
  out.end();
  return n;
}

async function writeXlsx<Row>(
  out: PassThrough,
  pages: AsyncGenerator<Row[]>,
  columns: ExportColumn<Row>[],
  lang: Lang,
): Promise<number> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  let sheet: ExcelJS.Worksheet | undefined;
  let inSheet = 0;
  let sheets = 0;
  const newSheet = () => {
    sheets += 1;
    const s = book.addWorksheet(`${sheets}`, { views: [{ state: 'frozen', ySplit: 1 }] });
    s.columns = columns.map((c) => ({
      header: c.label[lang],
      key: c.key,
      width: c.kind === 'instant' ? 20 : c.kind === 'text' || c.kind === 'id' ? 24 : 14,
      style: NUM_FMT[c.kind] ? { numFmt: NUM_FMT[c.kind] } : {},
    }));
    s.getRow(1).font = { bold: true };
    s.getRow(1).commit();
    return s;
  };
  let n = 0;
  for await (const rows of pages) {
    for (const row of rows) {
      if (!sheet || inSheet >= XLSX_SHEET_ROWS) {
        sheet?.commit();
        sheet = newSheet();
        inSheet = 0;
      }
      sheet.addRow(columns.map((c) => xlsxCell(c.kind, c.value(row, lang)))).commit();
      inSheet += 1;
    }
    n += rows.length;
    // exceljs writes without looking at backpressure: wait here until a slow reader has caught up.
    await drained(out);
  }
  if (!sheet) sheet = newSheet();
  sheet.commit();
  await book.commit();
  return n;
}

async function audit<Row>(
  ctx: AppContext,
  request: FastifyRequest,
  actor: Actor,
  def: ExportDef<Row>,
  filter: string | undefined,
  format: 'csv' | 'xlsx',
  rows: number,
  interrupted: boolean,
) {
  await ctx.audit.recordNow(ctx.database.db, {
    actor,
    action: 'export',
    resource: def.list.resource,
    // The audit payload keeps flat values: the filter goes in as JSON text, personal values masked.
    after: {
      format,
      filter: JSON.stringify(maskPiiFilter(filter ? JSON.parse(filter) : {})),
      rows,
      ...(interrupted ? { interrupted } : {}),
    },
    ip: request.ip,
  });
}

/**
 * A fixed, already computed table (a report) as a CSV or XLSX download, with the same cell rules
 * as the list exports (BOM, formula escaping, yuan, Asia/Shanghai, identifiers as text) and one
 * audit event `export` naming the resource and what was asked for.
 */
export async function sendFixedRows<Row>(
  reply: FastifyReply,
  request: FastifyRequest,
  ctx: AppContext,
  def: {
    name: string;
    resource: string;
    columns: ExportColumn<Row>[];
    rows: Row[];
    format: 'csv' | 'xlsx';
    locale: Lang;
    /** What the export was for, recorded in the audit event (e.g. the month). */
    about: Record<string, string | number>;
  },
) {
  const { format, rows } = def;
  return sendExport(reply, {
    format,
    stem: def.name,
    columns: def.columns,
    lang: def.locale,
    async *pages() {
      yield rows;
    },
    onError: (err) => request.log.error({ err }, 'export failed'),
    audit: (n, interrupted) =>
      ctx.audit.recordNow(ctx.database.db, {
        actor: actorOf(request),
        action: 'export',
        resource: def.resource,
        after: { format, ...def.about, rows: n, ...(interrupted ? { interrupted } : {}) },
        ip: request.ip,
      }),
  });
}
