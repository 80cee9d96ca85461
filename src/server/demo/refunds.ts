import { and, eq, inArray, sql } from 'drizzle-orm';
import { type RefundReason, type RefundStatus, statusAfterRefund, voucherNumber } from '../../domain';
import type { Tx } from '../audit/log';
import {
  collections,
  decisionEvents,
  decisions,
  refundApprovals,
  refundEvents,
  refunds,
  refundVouchers,
  users,
  voucherCounters,
} from '../db/schema';
import { seededRandom } from './random';

// The path to each state; every refund walks it step by step (events, approvals, vouchers).
const PATHS: Record<RefundStatus, string[]> = {
  draft: [],
  submitted: ['submit'],
  reviewed: ['submit', 'review'],
  approved: ['submit', 'review', 'approve'],
  voucher_issued: ['submit', 'review', 'approve', 'issue-voucher'],
  executed: ['submit', 'review', 'approve', 'issue-voucher', 'execute'],
  rejected: ['submit', 'review', 'reject'],
  withdrawn: ['submit', 'withdraw'],
  failed: ['submit', 'review', 'approve', 'issue-voucher', 'fail'],
};
const NEXT: Record<string, RefundStatus> = {
  submit: 'submitted',
  review: 'reviewed',
  approve: 'approved',
  'issue-voucher': 'voucher_issued',
  execute: 'executed',
  reject: 'rejected',
  withdraw: 'withdrawn',
  fail: 'failed',
};
const REASONS_TEXT: Partial<Record<string, string>> = {
  reject: '证明材料与缴款记录不符',
  fail: '收款账户已销户，国库退付失败',
};

/**
 * Refunds in every state for a traffic brigade (reviewed by police HQ) and a market office (reviewed
 * by its department; its fines are large, so two finance approvals), with a full trail each.
 */
export async function seedRefunds(tx: Tx, now: Date, today: string, thresholdFen: number) {
  const rnd = seededRandom(20260601);
  const byName = Object.fromEntries(
    (await tx.select({ id: users.id, username: users.username }).from(users)).map((u) => [u.username, u.id]),
  );
  const year = Number(today.slice(0, 4));
  let voucherSeq = 0;
  let count = 0;
  for (const [unitId, applicant, reviewer] of [
    [1, 'unit', 'police'],
    [7, 'unit_market', 'dept_market'],
  ] as const) {
    const paid = await tx
      .select({
        id: decisions.id,
        regionCode: decisions.regionCode,
        paidFen: sql<number>`sum(${collections.amountFen})`.mapWith(Number),
      })
      .from(decisions)
      .innerJoin(collections, eq(collections.decisionId, decisions.id))
      .where(and(eq(decisions.unitId, unitId), eq(decisions.paymentStatus, 'paid')))
      .groupBy(decisions.id)
      .orderBy(decisions.id)
      .limit(30);
    const statuses = Object.keys(PATHS) as RefundStatus[];
    for (const [i, status] of statuses.entries()) {
      const d = paid[i];
      if (!d) break;
      const reasons: RefundReason[] = [
        'revoked',
        'changed',
        'overpaid',
        'duplicate',
        'wrong_payment',
        'review_outcome',
      ];
      const reason = reasons[i % reasons.length];
      const amountFen =
        reason === 'changed' || reason === 'overpaid' ? Math.max(100, Math.floor(d.paidFen / 2)) : d.paidFen;
      const steps = PATHS[status];
      let at = new Date(now.getTime() - (steps.length + 2) * rnd.int(8, 30) * 3_600_000);
      const [r] = await tx
        .insert(refunds)
        .values({
          decisionId: d.id,
          unitId,
          regionCode: d.regionCode,
          reason,
          amountFen,
          payeeName: rnd.pick(['叶小梅', '欧阳娜娜', '张三', '李四']),
          payeeAccount: `62220202${String(rnd.int(10_000_000, 99_999_999))}123`,
          payeeBank: rnd.pick(['工商银行西宁城东支行', '农业银行西宁分行营业部', '中国银行西宁城中支行']),
          note: '当事人申请退付',
          status,
          createdBy: byName[applicant],
          createdAt: at,
          updatedAt: now,
        })
        .returning();
      count++;
      await tx
        .insert(refundEvents)
        .values({ refundId: r.id, action: 'create', toStatus: 'draft', actorId: byName[applicant], at });
      let from: RefundStatus = 'draft';
      const set: Partial<typeof refunds.$inferInsert> = {};
      for (const step of steps) {
        at = new Date(at.getTime() + rnd.int(2, 20) * 3_600_000);
        const actor =
          step === 'submit' || step === 'withdraw'
            ? applicant
            : step === 'review'
              ? reviewer
              : step === 'execute' || step === 'fail'
                ? 'treasury'
                : step === 'reject'
                  ? 'finance'
                  : 'finance2';
        if (step === 'submit') set.submittedAt = at;
        if (step === 'review') Object.assign(set, { reviewedBy: byName[reviewer], reviewedAt: at });
        if (step === 'approve') {
          const approvers = amountFen > thresholdFen ? ['finance', 'finance2'] : ['finance2'];
          for (const name of approvers)
            await tx.insert(refundApprovals).values({ refundId: r.id, userId: byName[name], at });
          set.approvedAt = at;
        }
        let voucher: string | null = null;
        if (step === 'issue-voucher') {
          voucherSeq++;
          voucher = voucherNumber(year, voucherSeq);
          await tx.insert(refundVouchers).values({
            refundId: r.id,
            year,
            seq: voucherSeq,
            number: voucher,
            issuedOn: today,
            issuedBy: byName.finance2,
          });
        }
        if (step === 'execute') set.executedAt = at;
        if (REASONS_TEXT[step]) set.lastReason = REASONS_TEXT[step];
        await tx.insert(refundEvents).values({
          refundId: r.id,
          action: step,
          fromStatus: from,
          toStatus: NEXT[step],
          actorId: byName[actor],
          reason: REASONS_TEXT[step] ?? voucher,
          at,
        });
        from = NEXT[step];
      }
      if (Object.keys(set).length) await tx.update(refunds).set(set).where(eq(refunds.id, r.id));
      if (status === 'executed') {
        const to = statusAfterRefund(d.paidFen, amountFen);
        await tx
          .update(decisions)
          .set({ paymentStatus: to })
          .where(inArray(decisions.id, [d.id]));
        await tx.insert(decisionEvents).values({
          decisionId: d.id,
          fromStatus: 'paid',
          toStatus: to,
          source: 'refund',
          actorId: byName.treasury,
          detail: { code: 'refund_executed', params: { refundId: r.id, amountFen } },
          at,
        });
      }
    }
  }
  if (voucherSeq) await tx.insert(voucherCounters).values({ year, last: voucherSeq });
  return count;
}
