import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { createClock } from '../clock';
import { loadConfig } from '../config';
import { buildTestApp, TEST_TODAY, type TestApp } from '../test/helper';
import { errorLogSerializer } from './log-redact';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ SEED_DEMO: '0' });
});
afterAll(() => t.close());

const NAME = '叶小梅';
const ACCOUNT = '6222020200112233445';

describe('failed queries in the logs', () => {
  it('keep the SQL and the error code but not the bound values or the quoted input', async () => {
    const lines: string[] = [];
    const config = loadConfig({ APP_TODAY: TEST_TODAY, SEED_DEMO: '0', APP_SECRET_KEY: 'ab'.repeat(32) });
    const { app } = await buildApp({
      config,
      database: t.database,
      clock: createClock(config.appToday),
      logger: { stream: { write: (line) => void lines.push(line) }, level: 'info' },
    });
    // A failure no route foresees (division by zero), and one whose message quotes the input.
    app.get('/api/test-only/boom', { config: { public: true } }, async () =>
      t.database.db.execute(sql`select ${NAME}::text as name, ${ACCOUNT}::text as account, 1 / 0 as boom`),
    );
    app.get('/api/test-only/quote', { config: { public: true } }, async () =>
      t.database.db.execute(sql`select ${NAME}::date`),
    );
    await app.ready();
    const boom = await app.inject({ method: 'GET', url: '/api/test-only/boom' });
    const quote = await app.inject({ method: 'GET', url: '/api/test-only/quote' });
    await app.close();
    expect(boom.statusCode).toBe(500);
    expect(boom.json()).toEqual({ message: 'Internal server error', code: 'internal' });
    expect(quote.statusCode).toBe(400);
    const logged = lines.join('\n');
    const errors = lines.map((l) => JSON.parse(l).err).filter(Boolean);
    expect(errors).toHaveLength(1);
    expect(errors[0].query).toContain('1 / 0');
    expect(errors[0].cause.code).toBe('22012');
    expect(errors[0].message).toContain('params: [redacted]');
    expect(logged).not.toContain(NAME);
    expect(logged).not.toContain(ACCOUNT);
  });
});

describe('errorLogSerializer', () => {
  it.each([
    ['a unique violation detail', { detail: `Key (id_number)=(${ACCOUNT}) already exists.`, code: '23505' }],
    ['a quoted input', { message: `invalid input syntax for type date: "${NAME}"`, code: '22007' }],
    ['a multi-line bound value', { code: '22012' }],
  ])('redacts %s', (_, causeProps: { code: string; message?: string; detail?: string }) => {
    const cause = Object.assign(new Error(causeProps.message ?? 'division by zero'), causeProps);
    const error = new Error(`Failed query: select $1, $2\nparams: ${NAME},line1\n${ACCOUNT}`, { cause });
    const out = JSON.stringify(errorLogSerializer(error));
    expect(out).not.toContain(NAME);
    expect(out).not.toContain(ACCOUNT);
    expect(out).toContain(causeProps.code);
    expect(out).toContain('select $1, $2');
  });
});
