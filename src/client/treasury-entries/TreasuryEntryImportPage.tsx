import { useTranslate } from 'react-admin';
import { formatFen } from '../../domain/money';
import { ImportPage } from '../common/ImportPage';

type Result = { dryRun: boolean; rows: number; totalFen: number };

const Preview = ({ rows, totalFen }: Result) => (
  <>{useTranslate()('resources.treasury-entries.import.preview', { rows, total: formatFen(totalFen) })}</>
);

/** The treasury's daily entry file: preview, then all rows or none; the 入库反馈 follows at once. */
export const TreasuryEntryImportPage = () => (
  <ImportPage<Result>
    resource="treasury-entries"
    title="resources.treasury-entries.import.title"
    help="resources.treasury-entries.import.help"
    imported={(r) => [
      'resources.treasury-entries.import.done',
      { rows: r.rows, total: formatFen(r.totalFen) },
    ]}
    renderPreview={(r) => <Preview {...r} />}
  />
);
