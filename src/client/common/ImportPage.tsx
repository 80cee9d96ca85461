import {
  Alert,
  Box,
  Card,
  CardContent,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import * as React from 'react';
import { Button, HttpError, Title, useDataProvider, useNotify, useRedirect, useTranslate } from 'react-admin';
import { formatParams } from '../../domain/i18n';
import type { AppDataProvider, RowError } from '../providers/dataProvider';

interface ImportResult {
  dryRun: boolean;
}

interface Props<R extends ImportResult> {
  /** POST /api/<resource>/import with { format, content, dryRun }. */
  resource: string;
  title: string;
  help: string;
  /** Translation key and arguments of the success notification. */
  imported: (result: R) => [string, Record<string, unknown>];
  renderPreview: (result: R) => React.ReactNode;
}

/** Paste or pick a file, preview it (nothing written), then import it as a whole; row errors are listed. */
export function ImportPage<R extends ImportResult>({
  resource,
  title,
  help,
  imported,
  renderPreview,
}: Props<R>) {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [format, setFormat] = React.useState<'csv' | 'json'>('csv');
  const [content, setContent] = React.useState('');
  const [preview, setPreview] = React.useState<R | null>(null);
  const [rowErrors, setRowErrors] = React.useState<RowError[]>([]);

  const run = useMutation({
    mutationFn: (dryRun: boolean) => dataProvider.importFile<R>(resource, { format, content, dryRun }),
    onSuccess: (result) => {
      setRowErrors([]);
      if (result.dryRun) setPreview(result);
      else {
        const [key, args] = imported(result);
        notify(key, { type: 'success', messageArgs: args });
        redirect(`/${resource}`);
      }
    },
    onError: (error: Error) => {
      setPreview(null);
      const body = error instanceof HttpError ? (error.body as { rowErrors?: RowError[] }) : undefined;
      setRowErrors(body?.rowErrors ?? []);
      notify(error.message, { type: 'error' });
    },
  });

  const onFile = async (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    setFormat(file.name.toLowerCase().endsWith('.json') ? 'json' : 'csv');
    setContent(await file.text());
    setPreview(null);
    setRowErrors([]);
  };

  return (
    <Card sx={{ mt: 2 }}>
      <Title title={title} />
      <CardContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate(help)}
        </Typography>
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', mb: 2 }}>
          <TextField
            select
            size="small"
            label={translate('app.calendar.format')}
            value={format}
            onChange={(e) => setFormat(e.target.value as 'csv' | 'json')}
          >
            <MenuItem value="csv">CSV</MenuItem>
            <MenuItem value="json">JSON</MenuItem>
          </TextField>
          <input
            type="file"
            accept=".csv,.json,text/csv,application/json"
            aria-label={translate('app.calendar.file')}
            onChange={onFile}
          />
        </Box>
        <TextField
          label={translate('app.calendar.content')}
          value={content}
          onChange={(e) => {
            setContent(e.target.value);
            setPreview(null);
          }}
          multiline
          minRows={8}
          maxRows={20}
          fullWidth
          slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace', fontSize: 13 } } }}
        />
        <Box sx={{ display: 'flex', gap: 1, mt: 2 }}>
          <Button
            label="app.calendar.preview"
            variant="outlined"
            onClick={() => run.mutate(true)}
            disabled={!content.trim() || run.isPending}
          />
          <Button
            label="app.calendar.import"
            variant="contained"
            onClick={() => run.mutate(false)}
            disabled={!preview || run.isPending}
          />
        </Box>
        {rowErrors.length > 0 && (
          <Box sx={{ mt: 2 }}>
            <Alert severity="error">{translate('app.calendar.rejected', { count: rowErrors.length })}</Alert>
            <Table size="small" aria-label={translate('app.calendar.errors_table')}>
              <TableHead>
                <TableRow>
                  <TableCell>{translate('app.calendar.row')}</TableCell>
                  <TableCell>{translate('app.calendar.field')}</TableCell>
                  <TableCell>{translate('app.calendar.message')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {rowErrors.map((e) => (
                  <TableRow key={`${e.row}-${e.field}`}>
                    <TableCell>{e.row}</TableCell>
                    <TableCell>
                      {translate(`resources.${resource}.fields.${e.field}`, {
                        _: translate(`app.import_fields.${e.field}`, { _: e.field }),
                      })}
                    </TableCell>
                    <TableCell>
                      {translate(`app.field_errors.${e.code}`, { _: e.message, ...formatParams(e.params) })}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        )}
        {preview && (
          <Alert severity="info" sx={{ mt: 2 }}>
            {renderPreview(preview)}
          </Alert>
        )}
      </CardContent>
    </Card>
  );
}
