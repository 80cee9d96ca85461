import { randomBytes } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { institutionKeyFieldTexts, institutionKeyStatusTexts, institutionKindTexts } from '../../domain/i18n';
import { type AppContext, actorOf } from '../context';
import { banks, institutionKeys } from '../db/schema';
import { badRequest, conflict, notFound } from '../http/errors';
import { registerExports } from '../http/export';
import { asIdList, listQuerySchema } from '../http/list-query';
import { serveList } from '../http/resource-list';
import { labelledColumns, tableList, wordedCell } from '../http/table-list';

const createSchema = z.strictObject({
  institution: z.enum(['bank', 'police', 'treasury']),
  bankId: z.string().max(16).nullable().optional(),
});
const params = z.object({ id: z.string().regex(/^[\w-]{1,64}$/) });

/** Institution keys for the signed machine API: finance issues and rotates them; the secret is shown once. */
export function institutionKeyRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx.database;
  const present = ({ secretEnc: _, ...k }: typeof institutionKeys.$inferSelect) => k;

  async function issue(
    tx: Parameters<Parameters<typeof db.transaction>[0]>[0],
    institution: 'bank' | 'police' | 'treasury',
    bankId: string | null,
    createdBy: number,
  ) {
    const id = `${institution === 'bank' ? bankId?.toLowerCase() : institution}-${randomBytes(6).toString('hex')}`;
    const secret = randomBytes(32).toString('base64url');
    const [row] = await tx
      .insert(institutionKeys)
      .values({
        id,
        institution,
        bankId,
        secretEnc: ctx.secrets.seal(secret),
        createdBy,
        createdAt: ctx.clock.now(),
      })
      .returning();
    return { ...present(row), secret };
  }

  const list = tableList(db, institutionKeys, 'institution-keys', {
    spec: () => ({
      sortable: { id: institutionKeys.id, createdAt: institutionKeys.createdAt },
      defaultSort: ['createdAt', 'DESC'],
      idColumn: institutionKeys.id,
      filters: {
        id: (v) => inArray(institutionKeys.id, asIdList('id', v).map(String)),
        status: (v) => eq(institutionKeys.status, String(v) as 'active' | 'revoked'),
        bankId: (v) => eq(institutionKeys.bankId, String(v)),
      },
    }),
    present,
  });
  // What the key list shows; the sealed secret never leaves (present drops it).
  const institutionKeyExportColumns = labelledColumns<
    ReturnType<typeof present>,
    keyof typeof institutionKeyFieldTexts.en
  >(institutionKeyFieldTexts, [
    ['id', 'id'],
    ['institution', 'text', wordedCell(institutionKindTexts, (k) => k.institution)],
    ['bankId', 'id'],
    ['status', 'text', wordedCell(institutionKeyStatusTexts, (k) => k.status)],
    ['createdBy', 'number'],
    ['createdAt', 'instant'],
    ['revokedAt', 'instant'],
    ['lastUsedAt', 'instant'],
  ]);
  return async (app) => {
    registerExports(app, ctx, {
      list,
      columns: institutionKeyExportColumns,
      permission: ['institution-keys', 'list'],
      name: 'institution-keys',
    });

    app.get(
      '/',
      { config: { permission: ['institution-keys', 'list'] }, schema: { querystring: listQuerySchema } },
      async (request, reply) => serveList(list, actorOf(request), request.query, reply),
    );

    app.post(
      '/',
      { config: { permission: ['institution-keys', 'create'] }, schema: { body: createSchema } },
      async (request, reply) => {
        const actor = actorOf(request);
        const { institution } = request.body;
        const bankId = institution === 'bank' ? (request.body.bankId ?? null) : null;
        if (institution === 'bank') {
          const [bank] = bankId ? await db.select().from(banks).where(eq(banks.id, bankId)) : [];
          if (!bank)
            throw badRequest('bankId must name a bank for a bank key', {
              bankId: { code: 'required' },
            });
        }
        const created = await db.transaction(async (tx) => {
          const key = await issue(tx, institution, bankId, actor.id);
          await ctx.audit.record(tx, {
            actor,
            action: 'create',
            resource: 'institution-keys',
            recordId: key.id,
            after: { institution, bankId },
            ip: request.ip,
          });
          return key;
        });
        reply.code(201);
        return created;
      },
    );

    for (const action of ['rotate', 'revoke'] as const) {
      app.post(
        `/:id/${action}`,
        { config: { permission: ['institution-keys', action] }, schema: { params } },
        async (request) => {
          const actor = actorOf(request);
          return db.transaction(async (tx) => {
            const [key] = await tx
              .select()
              .from(institutionKeys)
              .where(eq(institutionKeys.id, request.params.id))
              .for('update');
            if (!key) throw notFound('Institution key');
            if (key.status !== 'active') throw conflict('key_revoked', 'The key is already revoked');
            await tx
              .update(institutionKeys)
              .set({ status: 'revoked', revokedAt: ctx.clock.now() })
              .where(and(eq(institutionKeys.id, key.id)));
            const replacement =
              action === 'rotate' ? await issue(tx, key.institution, key.bankId, actor.id) : null;
            await ctx.audit.record(tx, {
              actor,
              action,
              resource: 'institution-keys',
              recordId: key.id,
              after: { replacement: replacement?.id ?? null },
              ip: request.ip,
            });
            return replacement ?? { ...present(key), status: 'revoked' };
          });
        },
      );
    }
  };
}
