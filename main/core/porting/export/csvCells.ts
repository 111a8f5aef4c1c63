import { E164_PATTERN } from '../../../../shared/domain/identifiers';

export type CsvCell = string | number;

/**
 * A spreadsheet opening the CSV runs a cell that starts with `=`, `+`, `-` or `@` as a formula
 * (and Excel also after a leading tab or carriage return). Customer names, rejection reasons and
 * Twilio's free text are not ours to trust: `=HYPERLINK(...)` or a DDE payload in a customer
 * name would run on the agent's machine when the file is opened (CSV injection, OWASP). Such a
 * cell gets a leading single quote, which spreadsheets show as text and do not evaluate.
 *
 * The one exception is a cell that is exactly an E.164 number (`+14155550123`): digits after a
 * plus cannot call a function, and the file promises numbers as E.164, which a quote would break.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function safeCell(value: string | number | null | undefined): CsvCell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  if (E164_PATTERN.test(value)) return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An instant as ISO 8601 in UTC (`2026-12-04T15:00:00.000Z`); a date-only value (a port date)
 * stays `YYYY-MM-DD`; a value that is not a date is kept as sent rather than invented.
 */
export function isoCell(value: string | null | undefined): CsvCell {
  if (value === null || value === undefined || value === '') return '';
  if (DATE_ONLY.test(value)) return value;
  const millis = Date.parse(value);
  return Number.isNaN(millis) ? safeCell(value) : new Date(millis).toISOString();
}
