import { Link as MuiLink, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import {
  DateField,
  Labeled,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  useDataProvider,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { formatFen } from '../../domain/money';
import { FenField } from '../common/money';
import { useCan } from '../common/useCan';
import type { AppDataProvider } from '../providers/dataProvider';
import { remittanceStatusChoices } from './choices';
import { YuanDaysField } from './yuanDays';

const shanghaiTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  dateStyle: 'short',
  timeStyle: 'short',
});

/** The drill-down's last step: the collections this obligation covers and how each was remitted. */
const Collections = () => {
  const record = useRecordContext<{ id: number }>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const canOpenDecision = useCan('show', 'decisions');
  const rows = useQuery({
    queryKey: ['remittance-collections', record?.id],
    queryFn: () => dataProvider.remittanceCollections(record!.id),
    enabled: Boolean(record),
  });
  const t = (k: string) => translate(`resources.remittances.collections.${k}`);
  if (!rows.data) return null;
  return (
    <Table size="small" aria-label={t('title')} sx={{ '& th, & td': { whiteSpace: 'nowrap' } }}>
      <TableHead>
        <TableRow>
          {['txn', 'decision', 'amount', 'collected_at', 'channel', 'transfer', 'remitted_on'].map((k) => (
            <TableCell key={k}>{t(k)}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.data.map((c) => (
          <TableRow key={c.id}>
            <TableCell>{c.bankTxnId}</TableCell>
            <TableCell>
              {canOpenDecision && c.decisionId ? (
                <MuiLink component={Link} to={`/decisions/${c.decisionId}/show`}>
                  {c.decisionNumber}
                </MuiLink>
              ) : (
                c.decisionNumber
              )}
            </TableCell>
            <TableCell>{formatFen(c.amountFen)}</TableCell>
            <TableCell>{shanghaiTime.format(new Date(c.collectedAt))}</TableCell>
            <TableCell>
              {translate(`resources.remittances.channels.${c.channel}`, { _: c.channel })}
            </TableCell>
            <TableCell>{c.transferReference ?? t('not_remitted')}</TableCell>
            <TableCell>{c.remittedOn ?? t('not_remitted')}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

export const RemittanceShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="bankName" />
      <TextField source="dueDate" />
      <SelectField source="status" choices={remittanceStatusChoices} />
      <TextField source="collectionCount" />
      <FenField source="amountFen" />
      <FenField source="remittedFen" />
      <TextField source="remittedOn" emptyText="resources.remittances.collections.not_remitted" />
      <TextField source="workingDaysLate" />
      <YuanDaysField source="heldFenDays" />
      <DateField source="refreshedAt" showTime locales="zh-CN" options={{ timeZone: 'Asia/Shanghai' }} />
      <Labeled label="resources.remittances.collections.title" fullWidth>
        <Collections />
      </Labeled>
    </SimpleShowLayout>
  </Show>
);
