import type { ExportNumberTuple, RequestListRow } from '../../store';
import { isoCell, safeCell, type CsvCell } from './csvCells';

/** The requests CSV: one row per request, as the list shows it (docs/porting.md, "Export"). */
export const REQUEST_CSV_HEADER = [
  'Request SID',
  'Customer',
  'Status',
  'Twilio status',
  'Numbers requested',
  'Numbers ported',
  'Target port date',
  'Confirmed port date',
  'Created',
  'Last changed',
  'Attention',
  'Account',
] as const;

export function requestCsvRow(row: RequestListRow): CsvCell[] {
  return [
    row.sid,
    safeCell(row.customerName),
    row.status.canonical,
    safeCell(row.status.raw),
    safeCell(row.numbersRequested),
    safeCell(row.numbersPorted),
    isoCell(row.targetPortInDate),
    isoCell(row.firstPortDate),
    isoCell(row.dateCreated),
    isoCell(row.lastChangedAt),
    row.attention.join('; '),
    safeCell(row.accountLabel),
  ];
}

/** The numbers CSV: one row per number, in Twilio's order within each request. */
export const NUMBER_CSV_HEADER = [
  'Request SID',
  'Number',
  'Number SID',
  'Status',
  'Twilio status',
  'Port date',
  'Rejection code',
  'Rejection reason',
  'Last update',
] as const;

export function numberCsvRow(row: ExportNumberTuple): CsvCell[] {
  const [, requestSid, phoneNumber, sid, status, statusRaw, portDate, code, reason, updatedAt] =
    row;
  return [
    requestSid,
    safeCell(phoneNumber),
    sid,
    status,
    safeCell(statusRaw),
    isoCell(portDate),
    safeCell(code),
    safeCell(reason),
    isoCell(updatedAt),
  ];
}
