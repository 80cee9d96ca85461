import { and, asc, eq, isNull } from 'drizzle-orm';
import { amountInWords, can, maskAccount, maskName } from '../../domain';
import type { Actor } from '../../domain/roles';
import type { AppContext } from '../context';
import {
  billingCodes,
  budgetSubjects,
  decisions,
  refundApprovals,
  refunds,
  refundVouchers,
  treasuries,
  units,
  users,
} from '../db/schema';
import { conflict, forbidden, notFound } from '../http/errors';
import { refundScope } from './scope';

/**
 * The 收入退还书 as printed: amount in figures and 大写, payer, payee, budget subject and level, the
 * treasury that pays, reason and approvals. The payee account is masked on screen; finance's printed
 * copy shows it in full and the print is audited.
 */
export async function voucherView(ctx: AppContext, actor: Actor, id: number, print: boolean, ip: string) {
  const { db } = ctx.database;
  if (print && !can(actor, 'print', 'refunds')) throw forbidden('Only finance prints refund vouchers');
  const [row] = await db
    .select({
      r: refunds,
      d: decisions,
      unitName: units.name,
      code: billingCodes,
      subjectName: budgetSubjects.name,
    })
    .from(refunds)
    .innerJoin(decisions, eq(decisions.id, refunds.decisionId))
    .innerJoin(units, eq(units.id, refunds.unitId))
    .leftJoin(billingCodes, eq(billingCodes.id, decisions.billingCodeId))
    .leftJoin(budgetSubjects, eq(budgetSubjects.code, billingCodes.budgetSubjectCode))
    .where(and(eq(refunds.id, id), refundScope(db, actor)));
  if (!row) throw notFound('Refund');
  const [voucher] = await db
    .select()
    .from(refundVouchers)
    .where(and(eq(refundVouchers.refundId, id), isNull(refundVouchers.supersededAt)));
  if (!voucher) throw conflict('no_voucher', 'No refund voucher has been issued for this refund');
  const level = row.code?.budgetLevel ?? null;
  // The nearest treasury up the decision's region chain, one of the subject's level first.
  const treasury = (await db.select().from(treasuries))
    .filter((t) => row.d.regionCode.startsWith(t.regionCode))
    .sort(
      (a, b) =>
        Number(b.level === level) - Number(a.level === level) || b.regionCode.length - a.regionCode.length,
    )[0];
  const [approvals, [reviewer]] = await Promise.all([
    db
      .select({ name: users.displayName, at: refundApprovals.at })
      .from(refundApprovals)
      .innerJoin(users, eq(users.id, refundApprovals.userId))
      .where(eq(refundApprovals.refundId, id))
      .orderBy(asc(refundApprovals.at)),
    row.r.reviewedBy
      ? db.select({ name: users.displayName }).from(users).where(eq(users.id, row.r.reviewedBy))
      : Promise.resolve([]),
  ]);
  if (print)
    await ctx.audit.recordNow(db, {
      actor,
      action: 'print',
      resource: 'refunds',
      recordId: id,
      after: { voucher: voucher.number, fields: 'payeeAccount,payerName' },
      ip,
    });
  return {
    refundId: id,
    number: voucher.number,
    issuedOn: voucher.issuedOn,
    amountFen: row.r.amountFen,
    amountInWords: amountInWords(row.r.amountFen),
    reason: row.r.reason,
    decisionNumber: row.d.decisionNumber,
    unitName: row.unitName,
    payerName: print ? row.d.partyName : maskName(row.d.partyName),
    payeeName: row.r.payeeName,
    payeeAccount: print ? row.r.payeeAccount : maskAccount(row.r.payeeAccount),
    payeeBank: row.r.payeeBank,
    budgetSubjectCode: row.code?.budgetSubjectCode ?? null,
    budgetSubjectName: row.subjectName ?? null,
    budgetLevel: level,
    projectCode: row.d.projectCode,
    treasury: treasury
      ? {
          code: treasury.code,
          name: treasury.name,
          accountName: treasury.accountName,
          accountNumber: treasury.accountNumber,
        }
      : null,
    reviewerName: reviewer?.name ?? null,
    approvals,
    status: row.r.status,
    printed: print,
  };
}
