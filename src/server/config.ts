import path from 'node:path';

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  appToday: string | undefined;
  demoPassword: string;
  seedDemo: boolean;
  secureCookies: boolean;
  bodyLimit: number;
  logLevel: string;
  appSecretKey: string | undefined;
  /** Hours after which an unmatched collection raises a sync-lag flag. */
  syncLagHours: number;
  /** Decisions the demo generator writes (tens of thousands for the demo, few in tests). */
  demoDecisions: number;
  /** Refunds strictly above this need a second, different finance approver. */
  refundSecondApprovalFen: number;
  /** Login attempts per IP and username in 15 minutes (the browser suite signs in far more often than people). */
  loginRateLimit: number;
  /** 验旧换新: used stubs older than this many days must be written off before new stock arrives. */
  receiptStaleDays: number;
  /** Fewer unused numbers than this (per unit and type) is a low-stock finding. */
  receiptLowStock: number;
  /** A unit's void share above this (0..1) is a finding. */
  receiptVoidRate: number;
  /** How far back a pushed payment or transfer time may lie; later than a day ahead is never believed. */
  plausiblePastDays: number;
  /** Hours an admin's one-time password-reset code stays valid. */
  resetCodeHours: number;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const host = env.HOST ?? '127.0.0.1';
  const databaseUrl = env.DATABASE_URL || undefined;
  return {
    host,
    port: Number(env.PORT ?? 8080),
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    databaseUrl,
    appToday: env.APP_TODAY || undefined,
    demoPassword: env.DEMO_PASSWORD ?? 'Demo@2026',
    // PGlite is the demo store: seed it on first start. A real PostgreSQL is seeded only when asked.
    seedDemo: databaseUrl ? env.SEED_DEMO === '1' : env.SEED_DEMO !== '0',
    // Secure cookies are not sent over plain http, which only loopback development uses.
    secureCookies: env.COOKIE_SECURE ? env.COOKIE_SECURE === '1' : !LOOPBACK.has(host),
    bodyLimit: 1024 * 1024,
    logLevel: env.LOG_LEVEL ?? 'warn',
    appSecretKey: env.APP_SECRET_KEY || undefined,
    syncLagHours: Number(env.SYNC_LAG_HOURS ?? 2),
    demoDecisions: Number(env.DEMO_DECISIONS ?? 30_000),
    refundSecondApprovalFen: Number(env.REFUND_SECOND_APPROVAL_FEN ?? 1_000_000),
    loginRateLimit: Number(env.LOGIN_RATE_LIMIT ?? 30),
    receiptStaleDays: Number(env.RECEIPT_STALE_DAYS ?? 90),
    receiptLowStock: Number(env.RECEIPT_LOW_STOCK ?? 50),
    receiptVoidRate: Number(env.RECEIPT_VOID_RATE ?? 0.05),
    plausiblePastDays: Number(env.PLAUSIBLE_PAST_DAYS ?? 366),
    resetCodeHours: Number(env.RESET_CODE_HOURS ?? 24),
  };
}
