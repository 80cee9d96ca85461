import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context';
import { institutionKeys } from '../db/schema';
import { forbidden, HttpError } from '../http/errors';

const HEADER = /^HMAC-SHA256 keyId=([\w-]{1,64}),signature=([0-9a-f]{64})$/;
const WINDOW_MS = 5 * 60_000;

export const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** The string an institution signs (ARCHITECTURE "Machine APIs"). */
export function stringToSign(
  method: string,
  pathAndQuery: string,
  timestamp: string,
  idempotencyKey: string,
  body: string | Buffer,
) {
  return `${method}\n${pathAndQuery}\n${timestamp}\n${idempotencyKey}\n${sha256Hex(body)}`;
}

export function sign(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text).digest('hex');
}

interface Pending {
  keyId: string;
  secret: string;
  signature: string;
  timestamp: string;
  kind: 'bank' | 'police' | 'treasury';
  bankId: string | null;
  lastUsedAt: Date | null;
}

/** "Last used" is for the key list; every use itself is in the audit log, so a minute's precision is enough. */
const LAST_USED_PRECISION_MS = 60_000;

/**
 * Signed machine API: headers are checked in onRequest, the signature over the raw body in
 * preParsing (so a forged request is a 401 before its JSON is even parsed), then the
 * institution's kind against the route (403). Every failure is audited.
 */
export function installMachineAuth(app: FastifyInstance, ctx: AppContext): void {
  const pending = new WeakMap<FastifyRequest, Pending>();
  app.decorateRequest('institution', null);
  app.decorateRequest('rawBody', null);

  async function fail(request: FastifyRequest, keyId: string | null, reason: string): Promise<never> {
    await ctx.audit.recordNow(ctx.database.db, {
      actor: null,
      actorUsername: keyId ? `key:${keyId}` : 'machine',
      action: 'machine_auth_failed',
      resource: 'institution-keys',
      recordId: keyId,
      after: { reason, path: request.url.split('?')[0] },
      ip: request.ip,
    });
    throw new HttpError(401, 'bad_signature', `Request authentication failed: ${reason}`);
  }

  function verify(request: FastifyRequest, p: Pending, body: string | Buffer) {
    const idem = String(request.headers['idempotency-key'] ?? '');
    const expected = Buffer.from(
      sign(p.secret, stringToSign(request.method, request.url, p.timestamp, idem, body)),
      'hex',
    );
    const given = Buffer.from(p.signature, 'hex');
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  async function authorise(request: FastifyRequest, p: Pending) {
    const required = request.routeOptions.config.machine;
    if (required !== p.kind) throw forbidden(`A ${p.kind} key cannot call this API`, 'wrong_institution');
    request.institution = { keyId: p.keyId, kind: p.kind, bankId: p.bankId };
    const now = ctx.clock.now();
    if (p.lastUsedAt && now.getTime() - p.lastUsedAt.getTime() < LAST_USED_PRECISION_MS) return;
    await ctx.database.db
      .update(institutionKeys)
      .set({ lastUsedAt: now })
      .where(eq(institutionKeys.id, p.keyId));
  }

  app.addHook('onRequest', async (request) => {
    if (!request.routeOptions.config.machine) return;
    const m = HEADER.exec(String(request.headers.authorization ?? ''));
    if (!m) return fail(request, null, 'missing or malformed Authorization header');
    const [, keyId, signature] = m;
    const timestamp = String(request.headers['x-timestamp'] ?? '');
    const at = Date.parse(timestamp);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(timestamp) || Number.isNaN(at))
      return fail(request, keyId, 'missing or malformed X-Timestamp');
    // Wall-clock time on purpose: APP_TODAY shifts business dates, not the clocks signatures use.
    if (Math.abs(Date.now() - at) > WINDOW_MS)
      return fail(request, keyId, 'timestamp outside the ±5 minute window');
    const [key] = await ctx.database.db
      .select()
      .from(institutionKeys)
      .where(and(eq(institutionKeys.id, keyId), eq(institutionKeys.status, 'active')));
    if (!key) return fail(request, keyId, 'unknown or revoked key');
    const p: Pending = {
      keyId,
      signature,
      timestamp,
      secret: ctx.secrets.open(key.secretEnc),
      kind: key.institution,
      bankId: key.bankId,
      lastUsedAt: key.lastUsedAt,
    };
    if (request.method === 'GET' || request.method === 'HEAD') {
      if (!verify(request, p, '')) return fail(request, keyId, 'signature does not match');
      await authorise(request, p);
      return;
    }
    pending.set(request, p);
  });

  app.addHook('preParsing', async (request, _reply, payload) => {
    const p = pending.get(request);
    if (!p) return payload;
    const chunks: Buffer[] = [];
    let size = 0;
    const limit = request.routeOptions.bodyLimit ?? ctx.config.bodyLimit;
    for await (const chunk of payload) {
      size += (chunk as Buffer).length;
      if (size > limit) throw new HttpError(413, 'body_too_large', 'Request body is too large');
      chunks.push(chunk as Buffer);
    }
    const body = Buffer.concat(chunks);
    if (!verify(request, p, body)) return fail(request, p.keyId, 'signature does not match');
    await authorise(request, p);
    request.rawBody = body.toString('utf8');
    return Readable.from([body]);
  });
}
