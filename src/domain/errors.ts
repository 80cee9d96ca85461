/** Thrown for input a rule cannot work with; the message names the value and what was expected. */
export class DomainInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'DomainInputError';
  }
}
