/** Limits the UI and main both enforce. */

/** Twilio's Documents API limit (PORTING-API §3.9). */
export const BILL_MAX_BYTES = 10 * 1024 * 1024;
/**
 * The most bytes one attach may carry across IPC. Above Twilio's limit on purpose: a bill up to
 * this size reaches the use case, which refuses it naming the file and its size.
 */
export const BILL_TRANSPORT_MAX_BYTES = 16 * 1024 * 1024;
/** What Twilio accepts as a utility bill: image or PDF. Main checks the magic bytes. */
export const BILL_MIME_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const BILL_EXTENSIONS = ['.pdf', '.jpg', '.jpeg', '.png'] as const;
/** Twilio's limit per port-in request. */
export const MAX_NUMBERS_PER_REQUEST = 1000;
export const MAX_NOTIFICATION_EMAILS = 10;
export const REQUEST_LIST_MAX_LIMIT = 500;
