// A client for the signed machine API (HMAC-SHA256), shared by the bank simulator and benchmarks.
import { createHash, createHmac, randomUUID } from 'node:crypto';

export interface Key {
  id: string;
  secret: string;
}

export async function signedFetch(
  base: string,
  key: Key,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  idempotencyKey?: string,
) {
  const raw = body === undefined ? '' : JSON.stringify(body);
  const timestamp = new Date().toISOString();
  const idem = idempotencyKey ?? (method === 'POST' ? randomUUID() : '');
  const text = `${method}\n${path}\n${timestamp}\n${idem}\n${createHash('sha256').update(raw).digest('hex')}`;
  const signature = createHmac('sha256', key.secret).update(text).digest('hex');
  const res = await fetch(base + path, {
    method,
    body: raw || undefined,
    headers: {
      authorization: `HMAC-SHA256 keyId=${key.id},signature=${signature}`,
      'x-timestamp': timestamp,
      ...(raw ? { 'content-type': 'application/json' } : {}),
      ...(idem ? { 'idempotency-key': idem } : {}),
    },
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> | null };
}

/** Signs in as a staff user (for issuing a key or listing decisions), returning cookie and CSRF token. */
export async function staffSession(base: string, username: string, password: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login as ${username} failed: ${res.status}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  const call = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(base + path, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: r.status, body: await r.json() };
  };
  return { call };
}

export async function issueKey(
  base: string,
  institution: 'bank' | 'police',
  bankId: string | null,
  password: string,
): Promise<Key> {
  const finance = await staffSession(base, 'finance', password);
  const res = await finance.call('POST', '/api/institution-keys', { institution, bankId });
  if (res.status !== 201) throw new Error(`issuing a key failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id, secret: res.body.secret };
}
