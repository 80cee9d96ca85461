import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Button as MuiButton } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { EVIDENCE_MAX_BYTES } from '../../domain/refunds';
import { useCan } from '../common/useCan';
import type { AppDataProvider } from '../providers/dataProvider';

const toBase64 = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(',')[1] ?? '');
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

/** The applicant adds evidence (PDF, JPEG, PNG ≤ 10 MiB) while the application is a draft or submitted. */
export const EvidenceUpload = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<AppDataProvider>();
  const upload = useMutation({
    mutationFn: async (file: File) => {
      if (file.size > EVIDENCE_MAX_BYTES) throw new Error(translate('resources.refunds.evidence.too_large'));
      await dataProvider.uploadEvidence(record!.id, file.name, await toBase64(file));
    },
    onSuccess: () => {
      notify('resources.refunds.evidence.uploaded', { type: 'info' });
      refresh();
    },
    onError: (e: Error) => notify(e.message, { type: 'error' }),
  });
  const open = record && (record.status === 'draft' || record.status === 'submitted');
  if (!useCan('edit', 'refunds', { unitId: record?.unitId }) || !open) return null;
  return (
    <MuiButton
      component="label"
      size="small"
      startIcon={<UploadFileIcon />}
      disabled={upload.isPending}
      sx={{ mt: 1 }}
    >
      {translate('resources.refunds.evidence.upload')}
      <input
        hidden
        type="file"
        accept="application/pdf,image/jpeg,image/png"
        aria-label={translate('resources.refunds.evidence.upload')}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) upload.mutate(file);
          e.target.value = '';
        }}
      />
    </MuiButton>
  );
};
