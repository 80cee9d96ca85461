import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { buildApp } from '../app';
import { createClock } from '../clock';
import { loadConfig } from '../config';
import type { AppContext } from '../context';
import { type Database, openDatabase } from '../db/client';
import { prepareDatabase } from '../start';

export const TEST_TODAY = '2026-03-16';
export const PASSWORD = 'Demo@2026';

/** A fresh database per test file: in-memory PGlite, or a throwaway database on TEST_DATABASE_URL. */
async function freshDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return openDatabase({ dataDir: 'memory://' });
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: target.toString() });
  return {
    ...database,
    close: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      // The pool's connections may still be closing: wait for them rather than kill them, since a
      // killed connection that is already ending reports its FATAL as an uncaught error.
      for (let attempt = 0; ; attempt++) {
        try {
          await c.query(`drop database if exists ${name}${attempt >= 50 ? ' with (force)' : ''}`);
          break;
        } catch (e) {
          if ((e as { code?: string }).code !== '55006' || attempt >= 50) throw e;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      await c.end();
    },
  };
}

export interface Agent {
  username: string;
  csrfToken: string;
  cookie: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body: unknown): Promise<LightMyRequestResponse>;
}

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  database: Database;
  login(username: string, password?: string): Promise<Agent>;
  close(): Promise<void>;
}

export async function buildTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await freshDatabase();
  const config = loadConfig({
    SEED_DEMO: '1',
    DEMO_PASSWORD: PASSWORD,
    APP_TODAY: TEST_TODAY,
    APP_SECRET_KEY: randomBytes(32).toString('hex'),
    DEMO_DECISIONS: '300',
    ...env,
  });
  const clock = createClock(config.appToday);
  await prepareDatabase(database, config, clock);
  const { app, ctx } = await buildApp({ config, database, clock });
  await app.ready();

  async function login(username: string, password = PASSWORD): Promise<Agent> {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const cookie = `sid=${res.cookies.find((c) => c.name === 'sid')?.value}`;
    const { csrfToken } = res.json() as { csrfToken: string };
    const headers = { cookie, 'x-csrf-token': csrfToken };
    return {
      username,
      csrfToken,
      cookie,
      get: (url) => app.inject({ method: 'GET', url, headers: { cookie } }),
      post: (url, body = {}) => app.inject({ method: 'POST', url, headers, payload: body as object }),
      put: (url, body) => app.inject({ method: 'PUT', url, headers, payload: body as object }),
    };
  }

  return {
    app,
    ctx,
    database,
    login,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** simple-rest list URL with JSON-encoded parameters. */
export function listUrl(
  resource: string,
  params: { filter?: object; sort?: [string, string]; range?: [number, number] } = {},
) {
  const q = new URLSearchParams();
  if (params.filter) q.set('filter', JSON.stringify(params.filter));
  if (params.sort) q.set('sort', JSON.stringify(params.sort));
  if (params.range) q.set('range', JSON.stringify(params.range));
  const s = q.toString();
  return `/api/${resource}${s ? `?${s}` : ''}`;
}
