import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Button } from 'react-admin';
import { Link } from 'react-router-dom';
import type { Resource } from '../../domain/permissions';
import { useCan } from './useCan';

/** Opens `/<resource>/import` for the roles allowed to import it. */
export const ImportButton = ({ resource }: { resource: Resource }) =>
  useCan('import', resource) ? (
    <Button component={Link} to={`/${resource}/import`} label={`resources.${resource}.import.title`}>
      <UploadFileIcon />
    </Button>
  ) : null;
