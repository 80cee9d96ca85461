import { fetchUtils, HttpError } from 'react-admin';
import { type Coded, errorTexts, formatParams } from '../../domain/i18n';
import { i18nProvider } from '../i18n';
import { session } from './session';

interface ErrorBody extends Partial<Coded> {
  message?: string;
  errors?: Record<string, Coded | string>;
}

// react-admin's ValidationError parses this prefix into `{ message, args }` and translates it when it
// renders, so a field error follows a language switch.
const RA_MESSAGE_PREFIX = '@@react-admin@@';

/** A field error as react-admin's server-side validation takes it: a translation key with its args. */
export const fieldMessage = ({ code, params }: Coded) =>
  `${RA_MESSAGE_PREFIX}${JSON.stringify({ message: `app.field_errors.${code}`, args: { _: code, ...formatParams(params) } })}`;

/**
 * The forms edit money as yuan text and send fen (`yuanToFenBody`), so a server error on the fen field
 * belongs on the yuan input; an error on a field the form lacks would block 保存 for good.
 */
const FORM_FIELD = { amountFen: 'amountYuan' } as Record<string, string>;

/** The server's `{ message, code, params, errors }` as a message in the user's language plus field errors. */
export function translateErrorBody(body: ErrorBody, status: number, fallback: string) {
  const known = body.code !== undefined && Object.hasOwn(errorTexts.en, body.code);
  const message = known
    ? i18nProvider.translate(`app.errors.${body.code}`, formatParams(body.params))
    : i18nProvider.translate('ra.notification.http_error', { _: body.message ?? fallback });
  const errors = body.errors
    ? Object.fromEntries(
        Object.entries(body.errors).map(([field, e]) => [
          FORM_FIELD[field] ?? field,
          fieldMessage(typeof e === 'string' ? { code: 'legacy_text', params: { text: e } } : e),
        ]),
      )
    : undefined;
  return new HttpError(message, status, { ...body, ...(errors ? { errors } : {}) });
}

/** fetchJson with the session cookie and CSRF header; errors carry a message in the user's language. */
export async function httpClient(url: string, options: fetchUtils.Options = {}) {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  const token = session.get()?.csrfToken;
  if (token) headers.set('X-CSRF-Token', token);
  try {
    return await fetchUtils.fetchJson(url, { ...options, headers, credentials: 'include' });
  } catch (error) {
    if (error instanceof HttpError)
      throw translateErrorBody((error.body ?? {}) as ErrorBody, error.status, error.message);
    throw error;
  }
}
