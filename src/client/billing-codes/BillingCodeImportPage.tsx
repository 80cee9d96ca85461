import { useTranslate } from 'react-admin';
import { ImportPage } from '../common/ImportPage';

type Result = { dryRun: boolean; rows: number };

const Preview = ({ rows }: { rows: number }) => (
  <>{useTranslate()('resources.billing-codes.import.preview', { rows })}</>
);

export const BillingCodeImportPage = () => (
  <ImportPage<Result>
    resource="billing-codes"
    title="resources.billing-codes.import.title"
    help="resources.billing-codes.import.help"
    imported={(r) => ['resources.billing-codes.import.done', { rows: r.rows }]}
    renderPreview={(r) => <Preview rows={r.rows} />}
  />
);
