import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, describe, expect, it } from 'vitest';

// A database as the previous release left it: migrated up to 0012, with flags worded in English.
const full = path.join(__dirname, '../../../drizzle');
const before = mkdtempSync(path.join(os.tmpdir(), 'mig-0012-'));
cpSync(full, before, { recursive: true });
const journalPath = path.join(before, 'meta/_journal.json');
const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
journal.entries = journal.entries.filter((e) => e.tag < '0013');
writeFileSync(journalPath, JSON.stringify(journal));
afterAll(() => rmSync(before, { recursive: true, force: true }));

const OLD_TEXTS: [string, unknown][] = [
  [
    'Collection ICBC-1 received 2026-11-02T02:07:24.000Z; the decision is still unpaid after 2 h',
    {
      code: 'unpaid_after_collection',
      params: { bankTxnId: 'ICBC-1', receivedAt: '2026-11-02T02:07:24.000Z', hours: 2 },
    },
  ],
  [
    'Collected less than the 12000 fen due on 2026-03-02',
    { code: 'underpaid', params: { dueFen: 12000, on: '2026-03-02' } },
  ],
  [
    'Collected 10000 fen, due 12000 fen on 2026-03-02',
    { code: 'amount_mismatch', params: { collectedFen: 10000, dueFen: 12000, on: '2026-03-02' } },
  ],
  [
    'Second collection ABC-9 for a decision already paid',
    { code: 'duplicate_collection', params: { bankTxnId: 'ABC-9', status: 'paid' } },
  ],
  [
    'Collection for unknown decision 青公交决字〔2026〕第9号; kept as an orphan until the decision arrives',
    { code: 'orphan_collection', params: { decisionNumber: '青公交决字〔2026〕第9号' } },
  ],
  [
    'Collection for 青公交决字〔2026〕第8号 arrived before the decision',
    { code: 'collection_before_decision', params: { decisionNumber: '青公交决字〔2026〕第8号' } },
  ],
  ['Paid with no matching bank collection', { code: 'paid_without_funds' }],
  ['Status changed by one user without a second approver', { code: 'single_user_change' }],
  ['Second collection for a paid decision (refund candidate)', { code: 'second_collection' }],
  ['Paid → unpaid by correction 17', { code: 'reversal_by_correction', params: { correctionId: 17 } }],
  [
    'Marked paid by correction 18 with no bank collection',
    { code: 'paid_by_correction_without_collection', params: { correctionId: 18 } },
  ],
  ['Something an operator typed', { code: 'legacy_text', params: { text: 'Something an operator typed' } }],
];

describe('migration 0013: coded flag details', () => {
  it('turns the stored English flag texts into codes with params, keeping unknown ones as legacy_text', async () => {
    const client = await PGlite.create('memory://', { extensions: { btree_gist } });
    const db = drizzle(client);
    await migrate(db, { migrationsFolder: before });
    for (const [text] of OLD_TEXTS)
      await client.query(
        `insert into paid_status_flags (type, detail, created_at) values ('sync_lag', $1, now())`,
        [text],
      );
    await client.query(`insert into paid_status_flags (type, created_at) values ('duplicate', now())`);
    await client.query(
      `insert into calendar_years (year, region_code, holidays, adjusted_workdays, source, imported_at)
       values (2025, '', 1, 0, 'official (built in)', now()), (2027, '', 1, 0, 'csv import', now())`,
    );

    // Only the event rows matter here; the decision they point to is left out (foreign keys off).
    const decisionId = 1;
    await client.query('set session_replication_role = replica');
    await client.query(
      `insert into decision_events (decision_id, to_status, source, reason, at) values
         ($1, 'paid', 'bank', 'bank ICBC counter ICBC-77', now()),
         ($1, 'partially_refunded', 'refund', 'refund 12 executed (5000 fen)', now()),
         ($1, 'unpaid', 'manual', '当事人持缴款凭证到队核实', now())`,
      [decisionId],
    );
    await client.query('set session_replication_role = default');

    await migrate(db, { migrationsFolder: full });

    const { rows } = await client.query<{ detail: unknown }>(
      'select detail from paid_status_flags order by id',
    );
    expect(rows.map((r) => r.detail)).toEqual([...OLD_TEXTS.map(([, coded]) => coded), null]);
    const sources = await client.query<{ source: string }>('select source from calendar_years order by year');
    expect(sources.rows.map((r) => r.source)).toEqual(['official', 'csv_import']);
    const events = await client.query<{ reason: string | null; detail: unknown }>(
      'select reason, detail from decision_events where decision_id = $1 order by id desc limit 3',
      [decisionId],
    );
    expect(events.rows.reverse()).toEqual([
      {
        reason: null,
        detail: {
          code: 'bank_collection',
          params: { bankId: 'ICBC', channel: 'counter', bankTxnId: 'ICBC-77' },
        },
      },
      { reason: null, detail: { code: 'refund_executed', params: { refundId: 12, amountFen: 5000 } } },
      { reason: '当事人持缴款凭证到队核实', detail: null },
    ]);
    await client.close();
  });
});
