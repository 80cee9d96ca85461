import type { FastifyInstance } from 'fastify';
import { sign, stringToSign } from '../machine/auth';

/** A machine-API request signed like a bank or the treasury would sign it. */
export function signedInject(
  app: FastifyInstance,
  key: { id: string; secret: string },
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
  idem = '',
) {
  const raw = body === undefined ? '' : JSON.stringify(body);
  const timestamp = new Date().toISOString();
  return app.inject({
    method,
    url,
    payload: raw || undefined,
    headers: {
      authorization: `HMAC-SHA256 keyId=${key.id},signature=${sign(key.secret, stringToSign(method, url, timestamp, idem, raw))}`,
      'x-timestamp': timestamp,
      ...(raw ? { 'content-type': 'application/json' } : {}),
      ...(idem ? { 'idempotency-key': idem } : {}),
    },
  });
}
