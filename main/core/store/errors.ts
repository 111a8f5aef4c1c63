/**
 * Errors the store throws on purpose. Each names the problem and, for bad input, the field, so a
 * caller can turn it into an IPC error envelope without parsing SQLite's messages.
 */
export type StoreErrorCode =
  'newer_schema' | 'not_portdesk_database' | 'invalid_input' | 'not_found' | 'conflict';

export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export function invalidInput(field: string, problem: string): StoreError {
  return new StoreError('invalid_input', `${field}: ${problem}`, field);
}

export function notFound(what: string, id: string | number): StoreError {
  return new StoreError('not_found', `${what} ${String(id)} does not exist`);
}
