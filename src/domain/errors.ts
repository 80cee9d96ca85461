import type { FieldErrorCode } from './i18n/field-errors';

/**
 * Thrown for input a rule cannot work with. `message` is English for logs; `code` and `params` are
 * what a screen or an import row error shows in the reader's language.
 */
export class DomainInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
    readonly code: FieldErrorCode = 'invalid',
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
    this.name = 'DomainInputError';
  }
}
