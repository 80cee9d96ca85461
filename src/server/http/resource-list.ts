import { and, type SQL } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../domain/roles';
import { contentRange, type ListQuery, type ListSpec, type ParsedList, parseList } from './list-query';

/**
 * One resource's scoped list: its whitelisted sort and filters, the caller's scope and the query
 * that reads a page. The list route and (later) the exports run this same definition, so an export
 * can never see more rows than the list.
 */
export interface ResourceList<Row> {
  resource: string;
  /** Sort and filters; a filter may depend on the caller (refunds' "waiting for me"). */
  spec(actor: Actor): ListSpec;
  scope(actor: Actor): SQL | undefined;
  page(where: SQL | undefined, parsed: Pick<ParsedList, 'orderBy' | 'limit' | 'offset'>): Promise<Row[]>;
  count(where: SQL | undefined): Promise<number>;
  /**
   * A row's value of a sort field, when the sort is an expression rather than the row's own field
   * (the stock tree sorts `regionCode` by region, holder and type): exports page on it.
   */
  sortValue?(row: Row, field: string): unknown;
}

/** Filter and scope combined, for callers that answer a count or stream pages. */
export function scopedWhere<Row>(list: ResourceList<Row>, actor: Actor, query: ListQuery) {
  const spec = list.spec(actor);
  const parsed = parseList(query, spec);
  return { parsed, spec, where: and(list.scope(actor), parsed.where) };
}

/** A react-admin list page with its Content-Range header. */
export async function serveList<Row>(
  list: ResourceList<Row>,
  actor: Actor,
  query: ListQuery,
  reply: FastifyReply,
): Promise<Row[]> {
  const { parsed, where } = scopedWhere(list, actor, query);
  const [rows, total] = await Promise.all([list.page(where, parsed), list.count(where)]);
  reply.header('Content-Range', contentRange(list.resource, parsed.offset, rows.length, total));
  return rows;
}
