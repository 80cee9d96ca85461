import simpleRestProvider from 'ra-data-simple-rest';
import type { Identifier } from 'react-admin';
import { httpClient } from './httpClient';

export interface RefundReasonTrend {
  reason: string;
  count: number;
  amountFen: number;
}

export interface PoliceTrendData {
  syncLag: { date: string; raised: number; resolved: number }[];
  openFlagsByType: { type: string; open: number }[];
}

const API = '/api';
const base = simpleRestProvider(API, httpClient);

export interface SummaryCard {
  key: string;
  value: number;
  resource?: string;
  filter?: Record<string, unknown>;
  format?: 'fen';
}

/** A bad cell of an import: `code` and `params` worded by `app.field_errors`, `message` in English. */
export interface RowError {
  row: number;
  field: string;
  code: string;
  params?: Record<string, string | number>;
  message: string;
}
export interface CalendarImportResult {
  dryRun: boolean;
  rows: number;
  years: {
    year: number;
    regionCode: string;
    holidays: number;
    adjustedWorkdays: number;
    replaces: boolean;
  }[];
}
export interface DeadlineResult {
  deadline: string;
  fifteenthDay: string;
  movedOver: string[];
  lateDays: number;
  suspendedDays: number;
  feeFen: number;
  capped: boolean;
  fineFen: number;
  amountDueFen: number;
}

/** simple-rest plus the workflow actions, which are explicit endpoints, never a PUT of a status. */
export const dataProvider = {
  ...base,
  async action<T = unknown>(resource: string, id: Identifier, action: string, body: object = {}): Promise<T> {
    const { json } = await httpClient(`${API}/${resource}/${id}/${action}`, {
      method: 'POST',
      body: JSON.stringify(body),
    });
    return json as T;
  },
  async summary(): Promise<{
    role: string;
    today: string;
    /** The last working day before today by the holiday calendar (null when its year is not loaded). */
    lastWorkingDay: string | null;
    cards: SummaryCard[];
    trends?: Partial<PoliceTrendData> & { refundsByReason?: RefundReasonTrend[] };
    warnings: { key: string; [value: string]: string | number }[];
  }> {
    return (await httpClient(`${API}/summary`)).json;
  },
  /** Resource → records waiting for the caller's next step (only the entries the role acts on). */
  async menuCounts(): Promise<Record<string, number>> {
    return (await httpClient(`${API}/summary/menu-counts`)).json;
  },
  async verifyAudit(): Promise<{ ok: boolean; count: number; firstBrokenId?: number }> {
    return (await httpClient(`${API}/audit-events/verify`)).json;
  },
  async importFile<R>(
    resource: string,
    body: { format: 'csv' | 'json'; content: string; dryRun: boolean },
  ): Promise<R> {
    return (await httpClient(`${API}/${resource}/import`, { method: 'POST', body: JSON.stringify(body) }))
      .json;
  },
  async deadline(query: Record<string, string>): Promise<DeadlineResult> {
    return (await httpClient(`${API}/deadline-calculator?${new URLSearchParams(query)}`)).json;
  },
  async flagCounts(): Promise<Record<string, number>> {
    return (await httpClient(`${API}/paid-status-flags/counts`)).json;
  },
  async bulkReviewFlags(
    ids: number[],
    note: string,
  ): Promise<{ results: { id: number; status: number; code?: string }[] }> {
    return (
      await httpClient(`${API}/paid-status-flags/bulk/review`, {
        method: 'POST',
        body: JSON.stringify({ ids, note }),
      })
    ).json;
  },
  async bulkApproveRefunds(
    ids: number[],
  ): Promise<{ results: { id: number; ok: boolean; status?: string; code?: string; message?: string }[] }> {
    return (
      await httpClient(`${API}/refunds/bulk/approve`, { method: 'POST', body: JSON.stringify({ ids }) })
    ).json;
  },
  async uploadEvidence(refundId: Identifier, filename: string, contentBase64: string): Promise<void> {
    await httpClient(`${API}/refunds/${refundId}/attachments`, {
      method: 'POST',
      body: JSON.stringify({ filename, contentBase64 }),
    });
  },
  async refundable(decisionId: Identifier): Promise<{ paidFen: number; refundableFen: number }> {
    return (await httpClient(`${API}/refunds/refundable/${decisionId}`)).json;
  },
  async refundVoucher(refundId: Identifier, print: boolean): Promise<RefundVoucher> {
    return (await httpClient(`${API}/refunds/${refundId}/voucher${print ? '?print=1' : ''}`)).json;
  },
  async timeliness(from: string, to: string): Promise<BankTimeliness[]> {
    return (await httpClient(`${API}/remittances/timeliness?${new URLSearchParams({ from, to })}`)).json;
  },
  async timelinessDaily(from: string, to: string): Promise<TimelinessCell[]> {
    return (await httpClient(`${API}/remittances/daily?${new URLSearchParams({ from, to })}`)).json;
  },
  async remittanceCollections(id: Identifier): Promise<ObligationCollection[]> {
    return (await httpClient(`${API}/remittances/${id}/collections`)).json;
  },
  async auditCodes(): Promise<{ actions: string[]; resources: string[] }> {
    return (await httpClient(`${API}/audit-events/codes`)).json;
  },
  async discrepancyCounts(runId: number): Promise<Record<string, number>> {
    return (await httpClient(`${API}/discrepancies/counts?runId=${runId}`)).json;
  },
  async signoffs(month: string): Promise<SignoffTable> {
    return (await httpClient(`${API}/reconciliation-signoffs?month=${month}`)).json;
  },
  async signOff(month: string, bankId: string): Promise<void> {
    await httpClient(`${API}/reconciliation-signoffs`, {
      method: 'POST',
      body: JSON.stringify({ month, bankId }),
    });
  },
  async reopenPeriod(month: string, bankId: string, reason: string): Promise<void> {
    await httpClient(`${API}/reconciliation-signoffs/reopen`, {
      method: 'POST',
      body: JSON.stringify({ month, bankId, reason }),
    });
  },
  async allocateReceipts(body: AllocationRequest): Promise<AllocationResult> {
    return (
      await httpClient(`${API}/receipt-holdings/allocate`, { method: 'POST', body: JSON.stringify(body) })
    ).json;
  },
  async receiptBalance(date: string): Promise<{ date: string; rows: ReceiptBalanceRow[] }> {
    return (await httpClient(`${API}/receipt-balance${date ? `?date=${date}` : ''}`)).json;
  },
  async receiptHistory(query: Record<string, string>): Promise<ReceiptHistory> {
    return (await httpClient(`${API}/receipts/history?${new URLSearchParams(query)}`)).json;
  },
  async monthlyStatement(month: string): Promise<MonthlyStatement> {
    return (await httpClient(`${API}/reports/monthly-statement?month=${month}`)).json;
  },
  async channelStats(from: string, to: string): Promise<ChannelStats> {
    return (await httpClient(`${API}/reports/channel-stats?${new URLSearchParams({ from, to })}`)).json;
  },
  async reconciliationStatements(month: string): Promise<StatementBook> {
    return (await httpClient(`${API}/reconciliation-statements?month=${month}`)).json;
  },
  async produceStatements(month: string): Promise<{ month: string; produced: number }> {
    return (
      await httpClient(`${API}/reconciliation-statements`, {
        method: 'POST',
        body: JSON.stringify({ month }),
      })
    ).json;
  },
  async answerStatement(id: number, answer: 'confirm' | 'dispute', note?: string): Promise<void> {
    await httpClient(`${API}/reconciliation-statements/${id}/${answer}`, {
      method: 'POST',
      body: JSON.stringify(answer === 'dispute' ? { note } : {}),
    });
  },
  async changePassword(currentPassword: string, newPassword: string): Promise<void> {
    await httpClient(`${API}/auth/password`, {
      method: 'POST',
      body: JSON.stringify({ currentPassword, newPassword }),
    });
  },
};
export type AppDataProvider = typeof dataProvider;

/** The 收入退还书 as the API prints it. */
export interface RefundVoucher {
  refundId: number;
  number: string;
  issuedOn: string;
  amountFen: number;
  amountInWords: string;
  reason: string;
  decisionNumber: string;
  unitName: string;
  payerName: string;
  payeeName: string;
  payeeAccount: string;
  payeeBank: string;
  budgetSubjectCode: string | null;
  budgetSubjectName: string | null;
  budgetLevel: string | null;
  projectCode: string;
  treasury: { code: string; name: string; accountName: string; accountNumber: string } | null;
  reviewerName: string | null;
  approvals: { name: string; at: string }[];
  status: string;
  printed: boolean;
}

export interface BankTimeliness {
  bankId: string;
  bankName: string;
  count: number;
  onTimeCount: number;
  onTimeRate: number;
  overdueAmountFen: number;
  heldFenDays: number;
  avgDelayWorkingDays: number;
  worstDelayWorkingDays: number;
}

/** One collection an obligation covers, and the transfer that remitted it (if any). */
export interface ObligationCollection {
  id: number;
  bankTxnId: string;
  decisionNumber: string;
  decisionId: number | null;
  amountFen: number;
  channel: string;
  collectedAt: string;
  businessDate: string;
  transferReference: string | null;
  remittedOn: string | null;
}

export interface TimelinessCell {
  bankId: string;
  date: string;
  worstDelay: number;
  pending: number;
  on_time: number;
  late: number;
  overdue: number;
}

export interface SignoffTable {
  month: string;
  timetable: { monthEnd: string; treasuryTable: string; unitConfirmation: string; monthlyReport: string };
  banks: {
    bankId: string;
    bankName: string;
    signoffs: Record<'finance' | 'police' | 'bank', { name: string; at: string } | null>;
    locked: boolean;
    late: string[];
    /** A completed run covered this month for the bank: only then may it be signed. */
    reconciled: boolean;
    openDiscrepancies: { type: string; count: number; platformFen: number | null; bankFen: number | null }[];
  }[];
}

export interface ReceiptHolder {
  regionCode?: string;
  unitId?: number;
}
export interface AllocationRequest {
  typeCode: string;
  from: ReceiptHolder;
  to: ReceiptHolder;
  count: number;
}
export interface AllocationResult {
  kind: 'allocate' | 'return';
  count: number;
  hops: number;
  ranges: { startNo: number; endNo: number }[];
}
export interface ReceiptBalanceRow {
  id: string;
  typeCode: string;
  regionCode: string;
  unitId: number | null;
  holderName: string;
  level: string;
  received: number;
  passedOn: number;
  used: number;
  voided: number;
  writtenOff: number;
  balance: number;
}
export interface ReceiptMovement {
  id: number;
  kind: string;
  startNo: number;
  endNo: number;
  fromRegion: string | null;
  fromUnitId: number | null;
  toRegion: string;
  toUnitId: number | null;
  movedOn: string;
  fromName: string | null;
  toName: string;
}
export interface ReceiptHistory {
  typeCode: string;
  code: string;
  number: number;
  batch: { id: number; startNo: number; endNo: number; purchasedOn: string } | null;
  movements: ReceiptMovement[];
  holding: { regionCode: string; unitId: number | null } | null;
  segment: { unitId: number; code: string; startNo: number; endNo: number } | null;
  receipt: {
    id: number;
    status: string;
    unitId: number;
    issuedOn: string;
    amountFen: number;
    voidReason: string | null;
    writtenOffAt: string | null;
    refundStatus: string | null;
  } | null;
  writeOff: { id: number; status: string; decidedAt: string | null } | null;
  unitName: string | null;
}

export interface MonthlyStatementRow {
  billingCode: string | null;
  budgetSubjectCode: string | null;
  budgetLevel: string | null;
  regionCode: string | null;
  count: number;
  collectedFen: number;
  refundedFen: number;
  netFen: number;
}
export interface MonthlyStatement {
  month: string;
  rows: MonthlyStatementRow[];
  totals: { count: number; collectedFen: number; refundedFen: number; netFen: number };
}
export interface ChannelStats {
  from: string;
  to: string;
  months: {
    month: string;
    count: number;
    amountFen: number;
    channels: {
      channel: string;
      count: number;
      amountFen: number;
      countShare: number;
      amountShare: number;
    }[];
  }[];
}
export interface StatementLine {
  budgetSubjectCode: string | null;
  budgetLevel: string | null;
  count: number;
  collectedFen: number;
  enteredFen: number;
}
export interface ReconciliationStatement {
  id: number;
  month: string;
  unitId: number;
  unitName: string;
  bankId: string;
  bankName: string;
  count: number;
  collectedFen: number;
  enteredFen: number;
  lines: StatementLine[];
  status: 'produced' | 'confirmed' | 'disputed';
  note: string | null;
  producedAt: string;
  answeredAt: string | null;
  answeredByName: string | null;
}
export interface StatementDuty {
  party: 'treasury' | 'unit' | 'finance' | 'police' | 'bank';
  name: string;
  what: 'produce' | 'confirm' | 'sign';
  due: string;
  doneOn: string | null;
  workingDaysLate: number;
}
export interface StatementBook {
  month: string;
  timetable: { monthEnd: string; treasuryTable: string; unitConfirmation: string; monthlyReport: string };
  statements: ReconciliationStatement[];
  duties: StatementDuty[];
}
