/** Limits the UI and main both enforce. */

/** Twilio's Documents API limit (PORTING-API §3.9). */
export const BILL_MAX_BYTES = 10 * 1024 * 1024;
/**
 * The most bytes one attach may carry across IPC. Above Twilio's limit on purpose: a bill up to
 * this size reaches the use case, which refuses it naming the file and its size.
 */
export const BILL_TRANSPORT_MAX_BYTES = 16 * 1024 * 1024;
/**
 * What Twilio accepts as a utility bill, with the file extensions a file picker offers for each.
 * Main checks the content by its magic bytes, whatever the name says.
 */
export const BILL_FILE_TYPES = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
} as const;
export type BillMimeType = keyof typeof BILL_FILE_TYPES;
export const BILL_MIME_TYPES = Object.keys(BILL_FILE_TYPES) as readonly BillMimeType[];
export { MAX_NOTIFICATION_EMAILS } from '../domain/draft/draftTypes';
export { MAX_NUMBERS_PER_REQUEST } from '../domain/phoneNumbers';
export const REQUEST_LIST_MAX_LIMIT = 500;
