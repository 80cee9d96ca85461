import { useTranslate } from 'react-admin';
import { formatFen } from '../../domain/money';
import { ImportPage } from '../common/ImportPage';

type Result = { dryRun: boolean; rows: number; totalFineFen: number; matched: number };

const Preview = ({ rows, totalFineFen }: Result) => (
  <>{useTranslate()('resources.decisions.import.preview', { rows, total: formatFen(totalFineFen) })}</>
);

export const DecisionImportPage = () => (
  <ImportPage<Result>
    resource="decisions"
    title="resources.decisions.import.title"
    help="resources.decisions.import.help"
    imported={(r) => ['resources.decisions.import.done', { rows: r.rows, matched: r.matched }]}
    renderPreview={(r) => <Preview {...r} />}
  />
);
