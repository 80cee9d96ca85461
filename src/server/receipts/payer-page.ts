import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { amountInWords, formatFen, formatReceiptNumber, maskName } from '../../domain';
import type { AppContext } from '../context';
import { decisions, receipts, units } from '../db/schema';

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const page = (title: string, body: string) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>
<style>
  body { font-family: "Noto Sans CJK SC", "Noto Sans SC", sans-serif; margin: 0; background: #f5f5f5; color: #222; }
  main { max-width: 720px; margin: 24px auto; background: #fff; padding: 32px; border: 2px solid #b71c1c; }
  h1 { text-align: center; color: #b71c1c; letter-spacing: 4px; font-size: 24px; margin: 0 0 4px; }
  .sub { text-align: center; color: #666; margin-bottom: 24px; }
  table { width: 100%; border-collapse: collapse; }
  th, td { border: 1px solid #b71c1c; padding: 8px; text-align: left; }
  th { width: 30%; background: #fff5f5; font-weight: normal; }
  .mark { margin-top: 16px; padding: 8px; border: 1px dashed #b71c1c; color: #b71c1c; text-align: center; }
  button { margin-top: 24px; padding: 8px 24px; }
  @media print { body { background: #fff; } main { margin: 0; border-width: 1px; } button { display: none; } }
  @page { size: A4; margin: 15mm; }
</style></head><body><main>${body}</main></body></html>`;

/**
 * The payer's receipt page: no login, the unguessable token is the key, rate-limited per IP.
 * Served by the API so an unknown token is a real 404, never the SPA shell.
 */
export function payerPageRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx.database;
  return async (app) => {
    app.get(
      '/r/:token',
      {
        config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: { params: z.object({ token: z.string().max(64) }), hide: true },
      },
      async (request, reply) => {
        reply
          .header('Cache-Control', 'no-store')
          .header('Referrer-Policy', 'no-referrer')
          // Nothing but its own inline style and the print button's handler.
          .header(
            'Content-Security-Policy',
            "default-src 'none'; style-src 'unsafe-inline'; script-src-attr 'unsafe-inline'; frame-ancestors 'none'",
          )
          .type('text/html');
        const [row] = /^[A-Za-z0-9_-]{32}$/.test(request.params.token)
          ? await db
              .select({ r: receipts, unitName: units.name, d: decisions })
              .from(receipts)
              .innerJoin(units, eq(units.id, receipts.unitId))
              .leftJoin(decisions, eq(decisions.id, receipts.decisionId))
              .where(eq(receipts.token, request.params.token))
          : [];
        if (!row)
          return reply
            .code(404)
            .send(
              page('票据不存在 Receipt not found', '<h1>票据不存在</h1><p class="sub">Receipt not found</p>'),
            );
        const { r, d } = row;
        const rows: [string, string][] = [
          ['票据代码 Code', r.code],
          ['票据号码 Number', formatReceiptNumber(r.number)],
          ['校验码 Check code', r.checkCode ?? ''],
          ['开票日期 Date', r.issuedOn],
          ['交款人 Payer', d ? maskName(d.partyName) : ''],
          ['处罚决定书 Decision', d?.decisionNumber ?? ''],
          ['项目编码 Billing code', d?.projectCode ?? ''],
          // The payer must see what the fine was and what the late fee (加处罚款) added on top.
          ...(d
            ? ([
                ['罚款 Fine', formatFen(Math.min(r.amountFen, d.fineFen))],
                ['加处罚款 Late fee', formatFen(Math.max(0, r.amountFen - d.fineFen))],
              ] as [string, string][])
            : []),
          ['合计金额 Total', formatFen(r.amountFen)],
          ['金额大写 In words', amountInWords(r.amountFen)],
          ['收款单位 Payee', row.unitName],
        ];
        const mark =
          r.refundStatus === 'refunded'
            ? '<div class="mark">已全额退付 Fully refunded</div>'
            : r.refundStatus === 'partially_refunded'
              ? '<div class="mark">已部分退付 Partially refunded</div>'
              : '';
        return page(
          `财政电子票据 ${r.code} ${formatReceiptNumber(r.number)}`,
          `<h1>财政电子票据</h1><p class="sub">罚没收入 · Electronic fiscal receipt (fines)</p>
<table>${rows.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>${mark}
<button type="button" onclick="window.print()">打印 Print</button>`,
        );
      },
    );
  };
}
