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
