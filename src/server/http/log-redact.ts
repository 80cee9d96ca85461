import type { FastifyRequest } from 'fastify';
import { DECISION_PII } from '../../domain/decisions';

type PiiField = keyof typeof DECISION_PII;
const isPii = (key: string): key is PiiField => Object.hasOwn(DECISION_PII, key);

/** A list filter with its personal values masked as everywhere else (DOMAIN.md §8). */
export function maskPiiFilter(filter: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter))
    out[key] = isPii(key) && typeof value === 'string' ? DECISION_PII[key](value) : value;
  return out;
}

/**
 * The URL as request logs may keep it: a searched plate, ID number or name travels in the query
 * string (`filter={"plate":"青A12345"}`), and log files outlive the audit log's masking.
 */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  const raw = params.get('filter');
  if (raw === null) return url;
  let filter: unknown;
  try {
    filter = JSON.parse(raw);
  } catch {
    filter = null;
  }
  if (filter === null || typeof filter !== 'object' || Array.isArray(filter)) {
    // Not something the list parser accepts either; whatever it held stays out of the log.
    params.set('filter', '[redacted]');
  } else {
    const entries = filter as Record<string, unknown>;
    if (!Object.keys(entries).some(isPii)) return url;
    params.set('filter', JSON.stringify(maskPiiFilter(entries)));
  }
  return `${url.slice(0, q)}?${params.toString()}`;
}

/** Fastify's request serializer, with the URL redacted. */
export function requestLogSerializer(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

const redactParams = (text: string) => text.replace(/\nparams: [\s\S]*$/, '\nparams: [redacted]');

/**
 * Errors as logs may keep them: a failed query's message carries its bound values (names, ID and
 * account numbers) and PostgreSQL's message and detail quote the offending value. The SQL text, the
 * error codes and the constraint stay, so the log still says what failed and where.
 */
export function errorLogSerializer(error: Error): {
  type: string;
  message: string;
  stack: string;
  [key: string]: unknown;
} {
  const out: { type: string; message: string; stack: string; [key: string]: unknown } = {
    type: error.name,
    message: redactParams(error.message),
    stack: (error.stack ?? '')
      .split('\n')
      .filter((line) => /^\s+at /.test(line))
      .join('\n'),
  };
  const own = error as Error & { code?: unknown; query?: unknown; statusCode?: unknown };
  if (typeof own.code === 'string') out.code = own.code;
  if (typeof own.statusCode === 'number') out.statusCode = own.statusCode;
  if (typeof own.query === 'string') out.query = own.query;
  const cause = error.cause as
    | (Error & { code?: unknown; detail?: unknown; constraint?: unknown; table?: unknown; column?: unknown })
    | undefined;
  if (cause instanceof Error)
    out.cause = {
      type: cause.name,
      code: cause.code,
      message: redactParams(cause.message).replace(/: ".*"$/s, ': "[redacted]"'),
      ...(typeof cause.detail === 'string'
        ? { detail: cause.detail.replace(/=\(.*\)/s, '=([redacted])') }
        : {}),
      ...(typeof cause.constraint === 'string' ? { constraint: cause.constraint } : {}),
      ...(typeof cause.table === 'string' ? { table: cause.table } : {}),
      ...(typeof cause.column === 'string' ? { column: cause.column } : {}),
    };
  return out;
}
