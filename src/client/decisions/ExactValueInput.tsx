import { TextField } from '@mui/material';
import * as React from 'react';
import { useInput, useTranslate } from 'react-admin';

/**
 * A filter that reaches the list only once the typed value is complete (a whole plate, a valid ID
 * number, a name after the input method has finished): each search by personal data is audited,
 * and a fragment never matches anyway.
 */
export const ExactValueInput = ({
  source,
  label,
  complete,
}: {
  source: string;
  label: string;
  complete: (s: string) => string | null;
  alwaysOn?: boolean;
}) => {
  const translate = useTranslate();
  const { field } = useInput({ source });
  const [text, setText] = React.useState<string>(field.value ?? '');
  const committed = field.value as string | undefined;
  React.useEffect(() => {
    // Cleared or set from outside (another filter, the URL): follow it.
    setText((current) => {
      if (committed) return complete(current) === committed ? current : committed;
      return complete(current) ? '' : current;
    });
  }, [committed, complete]);
  const commit = (value: string) => {
    const full = complete(value);
    if ((full ?? undefined) !== committed) field.onChange(full ?? undefined);
  };
  return (
    <TextField
      size="small"
      variant="filled"
      label={translate(label)}
      helperText={translate('resources.decisions.filters.exact_help')}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        if (!(e.nativeEvent as InputEvent).isComposing) commit(e.target.value);
      }}
      onCompositionEnd={(e) => commit((e.target as HTMLInputElement).value)}
      slotProps={{ htmlInput: { 'aria-label': translate(label) } }}
    />
  );
};
