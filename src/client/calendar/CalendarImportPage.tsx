import { useTranslate } from 'react-admin';
import { ImportPage } from '../common/ImportPage';
import type { CalendarImportResult } from '../providers/dataProvider';

const Preview = ({ result }: { result: CalendarImportResult }) => {
  const translate = useTranslate();
  return (
    <>
      {result.years.map((y) => (
        <div key={`${y.year}-${y.regionCode}`}>
          {translate(y.replaces ? 'app.calendar.preview_replaces' : 'app.calendar.preview_new', {
            year: y.year,
            holidays: y.holidays,
            adjusted: y.adjustedWorkdays,
          })}
        </div>
      ))}
    </>
  );
};

export const CalendarImportPage = () => (
  <ImportPage<CalendarImportResult>
    resource="calendar-years"
    title="app.calendar.import_title"
    help="app.calendar.import_help"
    imported={(r) => ['app.calendar.imported', { years: r.years.map((y) => y.year).join(', ') }]}
    renderPreview={(r) => <Preview result={r} />}
  />
);
