import { and, eq, inArray, sql, sum } from 'drizzle-orm';
import {
  approvalOutcome,
  PENDING_REFUND_STATUSES,
  REFUND_STEPS,
  type RefundAction,
  type RefundInput,
  type RefundStatus,
  refundableFen,
  refundPartyOf,
  statusAfterRefund,
  voucherNumber,
} from '../../domain';
import type { Actor } from '../../domain/roles';
import type { Tx } from '../audit/log';
import type { AppContext } from '../context';
import {
  collections,
  decisionEvents,
  decisions,
  refundApprovals,
  refundEvents,
  refunds,
  refundVouchers,
  units,
  voucherCounters,
} from '../db/schema';
import { pgErrorCode, UNIQUE_VIOLATION } from '../http/db-errors';
import { badRequest, conflict, forbidden, HttpError, notFound, unprocessable } from '../http/errors';
import { markRefunded } from '../receipts/stock';

type Refund = typeof refunds.$inferSelect;

/** What was actually collected for a decision: the sum of its matched collections. */
export async function paidFen(tx: Tx, decisionId: number): Promise<number> {
  const [row] = await tx
    .select({ total: sum(collections.amountFen).mapWith(Number) })
    .from(collections)
    .where(eq(collections.decisionId, decisionId));
  return row?.total ?? 0;
}

/** Paid, executed, pending and refundable amounts of a decision, `exceptId` left out (a draft being edited). */
export async function refundBalance(tx: Tx, decisionId: number, exceptId?: number) {
  const paid = await paidFen(tx, decisionId);
  const others = (
    await tx
      .select({
        id: refunds.id,
        status: refunds.status,
        amountFen: refunds.amountFen,
        reason: refunds.reason,
      })
      .from(refunds)
      .where(eq(refunds.decisionId, decisionId))
  ).filter((r) => r.id !== exceptId);
  return { paid, others, refundable: refundableFen(paid, others) };
}

/**
 * The rules a new or edited application must meet, under the decision's version as it was read:
 * one pending refund per reason, never more than the refundable amount.
 */
async function checkApplication(tx: Tx, input: RefundInput, exceptId?: number) {
  const { others, refundable } = await refundBalance(tx, input.decisionId, exceptId);
  const same = others.find(
    (r) => r.reason === input.reason && PENDING_REFUND_STATUSES.includes(r.status as RefundStatus),
  );
  if (same)
    throw unprocessable(
      'duplicate_pending_refund',
      `Refund ${same.id} for this decision and reason is still pending (${same.status})`,
      { reason: { code: 'refund_pending_for_reason' } },
    );
  if (input.amountFen > refundable)
    throw unprocessable(
      'over_refund',
      `The amount exceeds the refundable ${refundable} fen (paid − executed − pending refunds)`,
      { amountFen: { code: 'over_refund', params: { refundableFen: refundable } } },
      { refundableFen: refundable },
      { refundableFen: refundable },
    );
}

/**
 * Claims the decision for this change: two applications racing for the same refundable amount both
 * read one version; the second to write finds it moved and loses with 409.
 */
async function claimDecision(tx: Tx, decisionId: number, version: number) {
  const moved = await tx
    .update(decisions)
    .set({ version: sql`${decisions.version} + 1` })
    .where(and(eq(decisions.id, decisionId), eq(decisions.version, version)))
    .returning({ id: decisions.id });
  if (moved.length === 0)
    throw conflict(
      'refund_race',
      'Another refund for this decision was saved at the same time; reload and retry',
    );
}

async function withRaceGuard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (pgErrorCode(e) === UNIQUE_VIOLATION)
      throw conflict('refund_race', 'Another refund for this decision and reason was saved at the same time');
    throw e;
  }
}

export async function createRefund(ctx: AppContext, actor: Actor, input: RefundInput, ip: string) {
  const { db } = ctx.database;
  const [d] = await db.select().from(decisions).where(eq(decisions.id, input.decisionId));
  if (!d || d.unitId !== actor.unitId) throw notFound('Decision');
  if (d.paymentStatus !== 'paid' && d.paymentStatus !== 'partially_refunded')
    throw unprocessable(
      'decision_not_paid',
      `Only a paid decision can be refunded; this one is ${d.paymentStatus}`,
      {
        decisionId: { code: 'not_paid' },
      },
    );
  return withRaceGuard(() =>
    db.transaction(async (tx) => {
      await checkApplication(tx, input);
      await claimDecision(tx, d.id, d.version);
      const now = ctx.clock.now();
      const [row] = await tx
        .insert(refunds)
        .values({
          ...input,
          note: input.note ?? null,
          unitId: d.unitId,
          regionCode: d.regionCode,
          createdBy: actor.id,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      await tx
        .insert(refundEvents)
        .values({ refundId: row.id, action: 'create', toStatus: 'draft', actorId: actor.id, at: now });
      await ctx.audit.record(tx, {
        actor,
        action: 'create',
        resource: 'refunds',
        recordId: row.id,
        after: row,
        ip,
      });
      return row;
    }),
  );
}

export async function updateDraft(
  ctx: AppContext,
  actor: Actor,
  refund: Refund,
  input: RefundInput & { version: number },
  ip: string,
) {
  const { db } = ctx.database;
  if (input.decisionId !== refund.decisionId)
    throw badRequest('The decision of an application cannot change', {
      decisionId: { code: 'cannot_change' },
    });
  if (refund.createdBy !== actor.id && actor.unitId !== refund.unitId) throw forbidden();
  if (refund.status !== 'draft')
    throw conflict('wrong_state', `Only a draft can be edited; this one is ${refund.status}`);
  const [d] = await db.select().from(decisions).where(eq(decisions.id, refund.decisionId));
  return withRaceGuard(() =>
    db.transaction(async (tx) => {
      await checkApplication(tx, input, refund.id);
      await claimDecision(tx, d.id, d.version);
      const { version, ...fields } = input;
      const [row] = await tx
        .update(refunds)
        .set({ ...fields, note: fields.note ?? null, version: version + 1, updatedAt: ctx.clock.now() })
        .where(and(eq(refunds.id, refund.id), eq(refunds.version, version), eq(refunds.status, 'draft')))
        .returning();
      if (!row) throw conflict('stale_version', 'The application was changed by someone else; reload it');
      await ctx.audit.record(tx, {
        actor,
        action: 'edit',
        resource: 'refunds',
        recordId: row.id,
        before: refund,
        after: row,
        ip,
      });
      return row;
    }),
  );
}

async function issueVoucher(ctx: AppContext, tx: Tx, actor: Actor, refundId: number) {
  const today = ctx.clock.today();
  const year = Number(today.slice(0, 4));
  // The counter row is locked until commit: numbers are handed out in order and a rollback returns them.
  const [{ last }] = await tx
    .insert(voucherCounters)
    .values({ year, last: 1 })
    .onConflictDoUpdate({ target: voucherCounters.year, set: { last: sql`${voucherCounters.last} + 1` } })
    .returning({ last: voucherCounters.last });
  await tx
    .update(refundVouchers)
    .set({ supersededAt: ctx.clock.now() })
    .where(and(eq(refundVouchers.refundId, refundId), sql`${refundVouchers.supersededAt} is null`));
  const [v] = await tx
    .insert(refundVouchers)
    .values({
      refundId,
      year,
      seq: last,
      number: voucherNumber(year, last),
      issuedOn: today,
      issuedBy: actor.id,
    })
    .returning();
  return v;
}

/** On execution the decision becomes refunded or partially refunded, with a timeline event. */
async function applyToDecision(ctx: AppContext, tx: Tx, actor: Actor, refund: Refund) {
  const [d] = await tx.select().from(decisions).where(eq(decisions.id, refund.decisionId)).for('update');
  const paid = await paidFen(tx, d.id);
  const [{ executed }] = await tx
    .select({ executed: sum(refunds.amountFen).mapWith(Number) })
    .from(refunds)
    .where(and(eq(refunds.decisionId, d.id), eq(refunds.status, 'executed')));
  const to = statusAfterRefund(paid, executed ?? 0);
  await markRefunded(tx, d.id, refund.id, to);
  if (to === d.paymentStatus) return;
  await tx
    .update(decisions)
    .set({ paymentStatus: to, version: d.version + 1, updatedAt: ctx.clock.now() })
    .where(eq(decisions.id, d.id));
  await tx.insert(decisionEvents).values({
    decisionId: d.id,
    fromStatus: d.paymentStatus,
    toStatus: to,
    source: 'refund',
    actorId: actor.id,
    detail: { code: 'refund_executed', params: { refundId: refund.id, amountFen: refund.amountFen } },
    at: ctx.clock.now(),
  });
}

export interface TransitionResult {
  refund: Refund;
  approvals: number;
  voucherNumber?: string;
}

/**
 * One workflow step. Checks run role/party (403) → state (409) → rule (422); the row is written only
 * if nobody moved it since it was read, so concurrent steps on one refund have exactly one winner.
 */
export async function transition(
  ctx: AppContext,
  actor: Actor,
  id: number,
  action: RefundAction,
  reason: string | undefined,
  ip: string,
  scope: (tx: Tx) => Promise<Refund | undefined>,
): Promise<TransitionResult> {
  const step = REFUND_STEPS[action];
  if (step.reasonRequired && !reason?.trim())
    throw badRequest(`A reason is required to ${action}`, { reason: { code: 'required' } });
  return ctx.database.db.transaction(async (tx) => {
    const refund = await scope(tx);
    if (!refund) throw notFound('Refund');
    const [unit] = await tx.select().from(units).where(eq(units.id, refund.unitId));
    const party = refundPartyOf(actor, {
      unitId: refund.unitId,
      unitKind: unit.kind,
      unitDepartmentId: unit.departmentId,
    });
    if (!party || !step.by.includes(party))
      throw forbidden(`Only the ${step.by.join(' or ')} may ${action} this refund`, 'not_your_step');
    const rejectOutOfTurn = action === 'reject' && (party === 'reviewer') !== (refund.status === 'submitted');
    if (!step.from.includes(refund.status) || rejectOutOfTurn)
      throw conflict('wrong_state', `Cannot ${action} a refund that is ${refund.status}`);

    const now = ctx.clock.now();
    let to: RefundStatus = step.to;
    const set: Partial<typeof refunds.$inferInsert> = { updatedAt: now, lastReason: reason?.trim() || null };
    let approvals = (await tx.select().from(refundApprovals).where(eq(refundApprovals.refundId, id))).length;
    let voucher: string | undefined;

    if (action === 'submit') set.submittedAt = now;
    if (action === 'review') Object.assign(set, { reviewedBy: actor.id, reviewedAt: now });
    if (action === 'approve') {
      const approverIds = (
        await tx
          .select({ userId: refundApprovals.userId })
          .from(refundApprovals)
          .where(eq(refundApprovals.refundId, id))
      ).map((a) => a.userId);
      const outcome = approvalOutcome(
        { ...refund, approverIds },
        actor.id,
        ctx.config.refundSecondApprovalFen,
      );
      if (!outcome.ok) throw forbidden(FOUR_EYES[outcome.rule], outcome.rule);
      to = outcome.approved ? 'approved' : 'reviewed';
      if (outcome.approved) set.approvedAt = now;
    }
    if (action === 'execute') set.executedAt = now;

    const [row] = await tx
      .update(refunds)
      .set({ ...set, status: to, version: sql`${refunds.version} + 1` })
      .where(and(eq(refunds.id, id), eq(refunds.version, refund.version)))
      .returning();
    if (!row) throw conflict('refund_race', 'Someone acted on this refund at the same time; reload it');
    if (action === 'approve') {
      await tx.insert(refundApprovals).values({ refundId: id, userId: actor.id, at: now });
      approvals++;
    }
    if (action === 'issue-voucher' || action === 'reissue-voucher')
      voucher = (await issueVoucher(ctx, tx, actor, id)).number;
    if (action === 'execute') await applyToDecision(ctx, tx, actor, row);
    await tx.insert(refundEvents).values({
      refundId: id,
      action,
      fromStatus: refund.status,
      toStatus: to,
      actorId: actor.id,
      reason: reason?.trim() || (voucher ? voucher : null),
      at: now,
    });
    await ctx.audit.record(tx, {
      actor,
      action,
      resource: 'refunds',
      recordId: id,
      before: { status: refund.status },
      after: { status: to, reason: reason ?? null, voucher: voucher ?? null, approvals },
      ip,
    });
    return { refund: row, approvals, voucherNumber: voucher };
  });
}

const FOUR_EYES = {
  approver_is_applicant: 'The applicant cannot approve their own refund',
  approver_is_reviewer: 'The reviewer cannot also approve the refund',
  already_approved_by_you: 'A second approval must come from a different finance user',
} as const;

/** Per-id result of a bulk step: the refund's new status, or the error it met. */
export async function bulkTransition(
  ids: number[],
  run: (id: number) => Promise<TransitionResult>,
): Promise<
  { id: number; ok: boolean; status?: RefundStatus; statusCode?: number; code?: string; message?: string }[]
> {
  const out = [];
  for (const id of [...new Set(ids)]) {
    try {
      const r = await run(id);
      out.push({ id, ok: true, status: r.refund.status });
    } catch (e) {
      if (!(e instanceof HttpError)) throw e;
      out.push({ id, ok: false, statusCode: e.statusCode, code: e.code, message: e.message });
    }
  }
  return out;
}

export const pendingStatuses = inArray(refunds.status, [...PENDING_REFUND_STATUSES]);
