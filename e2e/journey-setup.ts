import type { Page } from '@playwright/test';
import { apiAs } from './helpers';

type Stage = 'reviewed' | 'voucher_issued';

/**
 * A fresh refund of the traffic brigade (unit 1), brought through the API to `stage`, so that a
 * journey spec walks only its own step in the UI. `pick` chooses among the unit's paid decisions
 * (newest first) away from those other specs use (the newest ones), `amountFen` keeps it small.
 */
export async function refundAt(
  baseURL: string,
  stage: Stage,
  { pick, amountFen, reason }: { pick: number; amountFen: number; reason: string },
) {
  const auditor = await apiAs(baseURL, 'auditor');
  const filter = encodeURIComponent(JSON.stringify({ paymentStatus: 'paid', unitId: 1 }));
  const rows = (await auditor.call('GET', `/api/decisions?filter=${filter}&range=[0,99]&sort=["id","DESC"]`))
    .body as { id: number; decisionNumber: string; fineFen: number }[];
  const candidates = rows.filter((r) => r.fineFen >= 2_000).slice(pick);

  const must = async (s: Awaited<ReturnType<typeof apiAs>>, path: string, body: unknown = {}) => {
    const r = await s.call('POST', path, body);
    if (r.status >= 300) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as { id: number };
  };
  const unit = await apiAs(baseURL, 'unit');
  // A decision with a refund for this reason still pending (from another spec) is passed over.
  let created: { decision: (typeof rows)[number]; id: number } | undefined;
  for (const decision of candidates) {
    const r = await unit.call('POST', '/api/refunds', {
      decisionId: decision.id,
      reason,
      amountFen,
      payeeName: '叶小梅',
      payeeAccount: '6222020200012345678',
      payeeBank: '工商银行西宁城东支行',
    });
    if (r.status === 201) {
      created = { decision, id: (r.body as { id: number }).id };
      break;
    }
    if ((r.body as { code?: string }).code !== 'duplicate_pending_refund')
      throw new Error(`refund: ${r.status} ${JSON.stringify(r.body)}`);
  }
  if (!created) throw new Error(`no paid decision of unit 1 free for a refund from #${pick}`);
  const { id, decision } = created;
  await must(unit, `/api/refunds/${id}/attachments`, {
    filename: '缴款凭证.pdf',
    contentBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64'),
  });
  await must(unit, `/api/refunds/${id}/submit`);
  await must(await apiAs(baseURL, 'police'), `/api/refunds/${id}/review`);
  if (stage === 'voucher_issued') {
    const finance = await apiAs(baseURL, 'finance');
    await must(finance, `/api/refunds/${id}/approve`);
    await must(finance, `/api/refunds/${id}/issue-voucher`);
  }
  return { id, decisionNumber: decision.decisionNumber };
}

/** The list row of that refund (a decision may carry earlier refunds too). */
export const refundRow = (page: Page, refund: { id: number; decisionNumber: string }) =>
  page
    .getByRole('row')
    .filter({ hasText: refund.decisionNumber })
    .filter({ has: page.getByRole('cell', { name: String(refund.id), exact: true }) });
