import { ColumnsButton, CreateButton, DateInput, FilterButton, TopToolbar } from 'react-admin';
import { ServerExportButton } from '../common/ServerExportButton';
import { useCan } from '../common/useCan';

/** Filters the refund inbox adds to RefundList's own (reached through 添加筛选条件). */
export const moreRefundFilters = [
  <DateInput key="createdAt_gte" source="createdAt_gte" label="resources.refunds.filters.applied_from" />,
];

/**
 * Without FilterButton in the toolbar, the list's non-alwaysOn filters (unit, amounts, dates) cannot be
 * reached; ColumnsButton brings back the columns hidden to keep the list within 1366 px (申请人).
 */
export const RefundListActions = () => (
  <TopToolbar>
    <FilterButton />
    <ColumnsButton />
    {useCan('create', 'refunds') ? <CreateButton /> : null}
    <ServerExportButton />
  </TopToolbar>
);
