import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import NotificationImportantIcon from '@mui/icons-material/NotificationImportant';
import RuleIcon from '@mui/icons-material/Rule';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import agreements from './agreements';
import auditEvents from './audit-events';
import billingCodes from './billing-codes';
import { BillingCodeImportPage } from './billing-codes/BillingCodeImportPage';
import budgetSubjects from './budget-subjects';
import calendar from './calendar';
import { CalendarImportPage } from './calendar/CalendarImportPage';
import collections from './collections';
import { Dashboard } from './dashboard/Dashboard';
import { DeadlineCalculatorPage } from './deadline-calculator/DeadlineCalculatorPage';
import decisions from './decisions';
import { DecisionImportPage } from './decisions/DecisionImportPage';
import eReceiptSegments from './e-receipt-segments';
import entryFeedback from './entry-feedback';
import { i18nProvider } from './i18n';
import institutionKeys from './institution-keys';
import { ChangePasswordPage } from './layout/ChangePasswordPage';
import { Layout } from './layout/Layout';
import { LoginPage } from './layout/LoginPage';
import { darkTheme, lightTheme } from './layout/theme';
import paidStatusFlags from './paid-status-flags';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import receiptBatches from './receipt-batches';
import receiptHoldings from './receipt-holdings';
import { ReceiptAllocatePage } from './receipt-holdings/ReceiptAllocatePage';
import { ReceiptBalancePage } from './receipt-reports/ReceiptBalancePage';
import { ReceiptFindingList } from './receipt-reports/ReceiptFindingList';
import receiptRequests from './receipt-requests';
import receiptWriteOffs from './receipt-write-offs';
import receipts from './receipts';
import { ReceiptHistoryPage } from './receipts/ReceiptHistoryPage';
import { DiscrepancyList } from './reconciliation/DiscrepancyList';
import { ReconciliationRunCreate } from './reconciliation/ReconciliationRunCreate';
import { ReconciliationRunList } from './reconciliation/ReconciliationRunList';
import { ReconciliationRunShow } from './reconciliation/ReconciliationRunShow';
import { SignoffPage } from './reconciliation/SignoffPage';
import refunds from './refunds';
import { RefundVoucherPage } from './refunds/RefundVoucherPage';
import regions from './regions';
import remittances from './remittances';
import { TimelinessPage } from './remittances/TimelinessPage';
import { ChannelStatsPage } from './reports/ChannelStatsPage';
import { MonthlyStatementPage } from './reports/MonthlyStatementPage';
import { ReconciliationStatementPage } from './reports/ReconciliationStatementPage';
import statusCorrections from './status-corrections';
import supervisionNotes from './supervision-notes';
import treasuries from './treasuries';
import treasuryEntries from './treasury-entries';
import { TreasuryEntryImportPage } from './treasury-entries/TreasuryEntryImportPage';
import units from './units';
import users from './users';

export const App = () => (
  <Admin
    title="app.title"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    dashboard={Dashboard}
    layout={Layout}
    theme={lightTheme}
    darkTheme={darkTheme}
    loginPage={LoginPage}
    requireAuth
    disableTelemetry
  >
    <Resource name="collections" {...collections} />
    <Resource name="refunds" {...refunds} />
    <Resource name="remittances" {...remittances} />
    <Resource name="treasury-entries" {...treasuryEntries} />
    <Resource name="entry-feedback" {...entryFeedback} />
    <Resource
      name="reconciliation-runs"
      list={ReconciliationRunList}
      create={ReconciliationRunCreate}
      show={ReconciliationRunShow}
      icon={CompareArrowsIcon}
    />
    <Resource name="discrepancies" list={DiscrepancyList} icon={RuleIcon} />
    <Resource name="receipt-holdings" {...receiptHoldings} />
    <Resource name="receipts" {...receipts} />
    <Resource name="receipt-write-offs" {...receiptWriteOffs} />
    <Resource name="receipt-requests" {...receiptRequests} />
    <Resource name="receipt-batches" {...receiptBatches} />
    <Resource name="e-receipt-segments" {...eReceiptSegments} />
    <Resource name="receipt-findings" list={ReceiptFindingList} icon={NotificationImportantIcon} />
    <Resource name="paid-status-flags" {...paidStatusFlags} />
    <Resource name="decisions" {...decisions} />
    <Resource name="status-corrections" {...statusCorrections} />
    <Resource name="agreements" {...agreements} />
    <Resource name="supervision-notes" {...supervisionNotes} />
    <Resource name="users" {...users} />
    <Resource name="regions" {...regions} />
    <Resource name="billing-codes" {...billingCodes} />
    <Resource name="budget-subjects" {...budgetSubjects} />
    <Resource name="treasuries" {...treasuries} />
    <Resource name="units" {...units} />
    <Resource name="calendar-years" {...calendar} />
    <Resource name="institution-keys" {...institutionKeys} />
    <Resource name="audit-events" {...auditEvents} />
    <Resource name="calendar-entries" />
    <Resource name="banks" recordRepresentation="name" />
    <Resource name="departments" recordRepresentation="name" />
    <CustomRoutes>
      <Route path="/password" element={<ChangePasswordPage />} />
      <Route path="/calendar-years/import" element={<CalendarImportPage />} />
      <Route path="/billing-codes/import" element={<BillingCodeImportPage />} />
      <Route path="/decisions/import" element={<DecisionImportPage />} />
      <Route path="/treasury-entries/import" element={<TreasuryEntryImportPage />} />
      <Route path="/deadline-calculator" element={<DeadlineCalculatorPage />} />
      <Route path="/timeliness" element={<TimelinessPage />} />
      <Route path="/reconciliation-signoffs" element={<SignoffPage />} />
      <Route path="/receipt-holdings/allocate" element={<ReceiptAllocatePage />} />
      <Route path="/receipt-balance" element={<ReceiptBalancePage />} />
      <Route path="/receipt-history" element={<ReceiptHistoryPage />} />
      <Route path="/monthly-statement" element={<MonthlyStatementPage />} />
      <Route path="/channel-stats" element={<ChannelStatsPage />} />
      <Route path="/reconciliation-statements" element={<ReconciliationStatementPage />} />
    </CustomRoutes>
    <CustomRoutes noLayout>
      <Route path="/refunds/:id/voucher" element={<RefundVoucherPage />} />
    </CustomRoutes>
  </Admin>
);
