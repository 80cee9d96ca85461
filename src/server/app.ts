import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { agreementRoutes } from './agreements/routes';
import { createAuditLog } from './audit/log';
import { auditRoutes } from './audit/routes';
import { installAuthHook } from './auth/hook';
import { authRoutes } from './auth/routes';
import { createSessions } from './auth/sessions';
import { billingCodeRoutes } from './billing-codes/routes';
import { budgetSubjectRoutes } from './budget-subjects/routes';
import { createCalendarCache } from './calendar/repository';
import { calendarRoutes } from './calendar/routes';
import type { Clock } from './clock';
import { collectionRoutes } from './collections/routes';
import type { Config } from './config';
import type { AppContext } from './context';
import type { Database } from './db/client';
import { decisionRoutes } from './decisions/routes';
import { flagRoutes } from './flags/routes';
import { installErrorHandler } from './http/error-handler';
import { errorLogSerializer, requestLogSerializer } from './http/log-redact';
import { installTextHygiene } from './http/text-hygiene';
import { institutionKeyRoutes } from './institution-keys/routes';
import { installMachineAuth } from './machine/auth';
import { bankRoutes } from './machine/bank-routes';
import { feedRoutes } from './machine/feed-routes';
import { policeRoutes } from './machine/police-routes';
import { createSecretBox, loadSecretKey } from './machine/secrets';
import { treasuryMachineRoutes } from './machine/treasury-routes';
import { payerPageRoutes } from './receipts/payer-page';
import {
  eReceiptSegmentRoutes,
  receiptBatchRoutes,
  receiptHoldingRoutes,
  receiptReportRoutes,
  receiptRequestRoutes,
  receiptRoutes,
  receiptTypeRoutes,
  writeOffRoutes,
} from './receipts/routes';
import { discrepancyRoutes, reconciliationRunRoutes, signoffRoutes } from './reconciliation/routes';
import { referenceRoutes } from './reference/routes';
import { refundRoutes } from './refunds/routes';
import { regionRoutes } from './regions/routes';
import {
  entryFeedbackRoutes,
  remittanceRoutes,
  transferRoutes,
  treasuryEntryRoutes,
} from './remittances/routes';
import { reportRoutes } from './reports/routes';
import { statementRoutes } from './reports/statements';
import { statusCorrectionRoutes } from './status-corrections/routes';
import { summaryRoutes } from './summary/routes';
import { supervisionNoteRoutes } from './supervision-notes/routes';
import { treasuryRoutes } from './treasuries/routes';
import { unitRoutes } from './units/routes';
import { userRoutes } from './users/routes';

export interface BuildOptions {
  config: Config;
  database: Database;
  clock: Clock;
  /** Folder of the built SPA; served when it exists. */
  distDir?: string;
  /** true: log to stdout at the configured level; a stream: log there (tests read what was logged). */
  logger?: boolean | { stream: { write(line: string): void }; level?: string };
}

export async function buildApp(opts: BuildOptions): Promise<{ app: FastifyInstance; ctx: AppContext }> {
  const { config, database, clock } = opts;
  const app = Fastify({
    logger: opts.logger
      ? {
          level: (typeof opts.logger === 'object' && opts.logger.level) || config.logLevel,
          ...(typeof opts.logger === 'object' ? { stream: opts.logger.stream } : {}),
          serializers: { req: requestLogSerializer, err: errorLogSerializer },
        }
      : false,
    bodyLimit: config.bodyLimit,
    trustProxy: process.env.TRUST_PROXY === '1',
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const ctx: AppContext = {
    config,
    database,
    clock,
    audit: createAuditLog(clock),
    calendars: createCalendarCache(),
    sessions: createSessions(database.db, clock),
    secrets: createSecretBox(
      loadSecretKey({
        appSecretKey: config.appSecretKey,
        dataDir: config.dataDir,
        usesPglite: database.kind === 'pglite',
      }),
    ),
  };

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        'script-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'upgrade-insecure-requests': null,
      },
    },
    hsts: config.secureCookies,
  });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: { info: { title: 'Fiscal supervision API', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  installErrorHandler(app);
  installTextHygiene(app);
  // API answers hold personal data (names, accounts) and per-user views: no browser or proxy keeps them.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      reply.header('Cache-Control', 'no-store');
  });
  installAuthHook(app, ctx);
  installMachineAuth(app, ctx);

  app.get('/api/health', { config: { public: true } }, async () => ({ status: 'ok', db: database.kind }));
  await app.register(authRoutes(ctx), { prefix: '/api/auth' });
  await app.register(userRoutes(ctx), { prefix: '/api/users' });
  await app.register(regionRoutes(ctx), { prefix: '/api/regions' });
  await app.register(referenceRoutes(ctx), { prefix: '/api' });
  await app.register(agreementRoutes(ctx), { prefix: '/api/agreements' });
  await app.register(supervisionNoteRoutes(ctx), { prefix: '/api/supervision-notes' });
  await app.register(auditRoutes(ctx), { prefix: '/api/audit-events' });
  await app.register(summaryRoutes(ctx), { prefix: '/api/summary' });
  await app.register(calendarRoutes(ctx), { prefix: '/api' });
  await app.register(budgetSubjectRoutes(ctx), { prefix: '/api/budget-subjects' });
  await app.register(billingCodeRoutes(ctx), { prefix: '/api/billing-codes' });
  await app.register(treasuryRoutes(ctx), { prefix: '/api/treasuries' });
  await app.register(unitRoutes(ctx), { prefix: '/api/units' });
  await app.register(institutionKeyRoutes(ctx), { prefix: '/api/institution-keys' });
  await app.register(decisionRoutes(ctx), { prefix: '/api/decisions' });
  await app.register(collectionRoutes(ctx), { prefix: '/api/collections' });
  await app.register(reportRoutes(ctx), { prefix: '/api/reports' });
  await app.register(flagRoutes(ctx), { prefix: '/api/paid-status-flags' });
  await app.register(statusCorrectionRoutes(ctx), { prefix: '/api/status-corrections' });
  await app.register(refundRoutes(ctx), { prefix: '/api/refunds' });
  await app.register(remittanceRoutes(ctx), { prefix: '/api/remittances' });
  await app.register(transferRoutes(ctx), { prefix: '/api/remittance-transfers' });
  await app.register(treasuryEntryRoutes(ctx), { prefix: '/api/treasury-entries' });
  await app.register(entryFeedbackRoutes(ctx), { prefix: '/api/entry-feedback' });
  await app.register(reconciliationRunRoutes(ctx), { prefix: '/api/reconciliation-runs' });
  await app.register(discrepancyRoutes(ctx), { prefix: '/api/discrepancies' });
  await app.register(signoffRoutes(ctx), { prefix: '/api/reconciliation-signoffs' });
  await app.register(statementRoutes(ctx), { prefix: '/api/reconciliation-statements' });
  await app.register(receiptTypeRoutes(ctx), { prefix: '/api/receipt-types' });
  await app.register(receiptBatchRoutes(ctx), { prefix: '/api/receipt-batches' });
  await app.register(receiptHoldingRoutes(ctx), { prefix: '/api/receipt-holdings' });
  await app.register(receiptRoutes(ctx), { prefix: '/api/receipts' });
  await app.register(writeOffRoutes(ctx), { prefix: '/api/receipt-write-offs' });
  await app.register(receiptRequestRoutes(ctx), { prefix: '/api/receipt-requests' });
  await app.register(eReceiptSegmentRoutes(ctx), { prefix: '/api/e-receipt-segments' });
  await app.register(receiptReportRoutes(ctx), { prefix: '/api' });
  await app.register(payerPageRoutes(ctx));
  await app.register(bankRoutes(ctx), { prefix: '/api/bank/v1' });
  await app.register(policeRoutes(ctx), { prefix: '/api/police/v1' });
  await app.register(feedRoutes(ctx), { prefix: '/api/police/v1' });
  await app.register(treasuryMachineRoutes(ctx), { prefix: '/api/treasury/v1' });

  const distDir = opts.distDir;
  const spa = distDir && existsSync(path.join(distDir, 'index.html'));
  if (spa) await app.register(fastifyStatic, { root: distDir, wildcard: false, index: false });
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api/') || request.url === '/api';
    if (!isApi && spa && request.method === 'GET') return reply.type('text/html').sendFile('index.html');
    return reply
      .code(404)
      .send({ message: `No route ${request.method} ${request.url.split('?')[0]}`, code: 'no_route' });
  });
  return { app, ctx };
}
