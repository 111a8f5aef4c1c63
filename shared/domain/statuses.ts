/**
 * Canonical port-in statuses. Twilio sends status strings in mixed spellings ("In Review",
 * "in_review", "pending", "Port Submitted"); the app keeps the raw string and maps it to one of
 * these, or to `unknown`, which the UI shows raw instead of failing (PORTING-API §6.1).
 */
export const REQUEST_STATUSES = [
  'in_review',
  'waiting_for_signature',
  'in_progress',
  'action_required',
  'completed',
  'canceled',
  'expired',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const NUMBER_STATUSES = [
  'in_review',
  'waiting_for_signature',
  'submitted',
  'pending',
  'rejected',
  'canceling',
  'canceled',
  'completed',
] as const;
export type NumberStatus = (typeof NUMBER_STATUSES)[number];

/** A status as observed on the wire: the canonical value and the exact string Twilio sent. */
export interface ObservedStatus<S extends string> {
  canonical: S | 'unknown';
  raw: string;
}

export const TERMINAL_REQUEST_STATUSES: ReadonlySet<RequestStatus> = new Set([
  'completed',
  'canceled',
  'expired',
]);
export const TERMINAL_NUMBER_STATUSES: ReadonlySet<NumberStatus> = new Set([
  'completed',
  'canceled',
]);

/** lower-case, spaces and dashes to `_`, and drop the `port_` prefix of the internal enum. */
function statusKey(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
    .replace(/^port_(?:in_)?/, '');
}

// Spellings seen in the spec, its examples, webhook event names and the internal enum.
const REQUEST_ALIASES: Readonly<Record<string, RequestStatus>> = {
  in_review: 'in_review',
  review: 'in_review',
  // The spec's create/fetch examples say "pending" for a request that was just created.
  pending: 'in_review',
  waiting_for_signature: 'waiting_for_signature',
  waitingforsignature: 'waiting_for_signature',
  in_progress: 'in_progress',
  inprogress: 'in_progress',
  submitted: 'in_progress',
  action_required: 'action_required',
  actionrequired: 'action_required',
  completed: 'completed',
  complete: 'completed',
  canceled: 'canceled',
  cancelled: 'canceled',
  expired: 'expired',
};

const NUMBER_ALIASES: Readonly<Record<string, NumberStatus>> = {
  in_review: 'in_review',
  review: 'in_review',
  waiting_for_signature: 'waiting_for_signature',
  waitingforsignature: 'waiting_for_signature',
  submitted: 'submitted',
  pending: 'pending',
  rejected: 'rejected',
  canceling: 'canceling',
  cancelling: 'canceling',
  canceled: 'canceled',
  cancelled: 'canceled',
  completed: 'completed',
  complete: 'completed',
  // Webhook event names carry the status in their tail (PortInPhoneNumberRejected…).
  phonenumberwaitingforsignature: 'waiting_for_signature',
  phonenumbersubmitted: 'submitted',
  phonenumberpending: 'pending',
  phonenumbercompleted: 'completed',
  phonenumberrejected: 'rejected',
  phonenumbercanceled: 'canceled',
};

const REQUEST_EVENT_ALIASES: Readonly<Record<string, RequestStatus>> = {
  portinwaitingforsignature: 'waiting_for_signature',
  portininprogress: 'in_progress',
  portinactionrequired: 'action_required',
  portincompleted: 'completed',
  portincanceled: 'canceled',
  portinexpired: 'expired',
};

function lookup<S extends string>(
  raw: string | null | undefined,
  aliases: Readonly<Record<string, S>>,
  extra: Readonly<Record<string, S>> = {},
): ObservedStatus<S> {
  const text = typeof raw === 'string' ? raw : raw == null ? '' : String(raw);
  const key = statusKey(text);
  const compact = key.replace(/_/g, '');
  const canonical =
    (Object.hasOwn(aliases, key) ? aliases[key] : undefined) ??
    (Object.hasOwn(aliases, compact) ? aliases[compact] : undefined) ??
    (Object.hasOwn(extra, compact) ? extra[compact] : undefined) ??
    'unknown';
  return { canonical, raw: text };
}

/** Never throws: an unknown or missing status becomes `unknown` with the raw text kept. */
export function normaliseRequestStatus(
  raw: string | null | undefined,
): ObservedStatus<RequestStatus> {
  return lookup(raw, REQUEST_ALIASES, REQUEST_EVENT_ALIASES);
}

/** Never throws: an unknown or missing status becomes `unknown` with the raw text kept. */
export function normaliseNumberStatus(
  raw: string | null | undefined,
): ObservedStatus<NumberStatus> {
  // "portinphonenumberrejected" → strip the event prefix so the alias table stays small.
  const text = typeof raw === 'string' ? raw : raw == null ? '' : String(raw);
  const eventTail = /^portin(phonenumber\w+)$/i.exec(text.replace(/[\s_-]/g, ''));
  const observed = lookup(eventTail?.[1] ?? text, NUMBER_ALIASES);
  return { canonical: observed.canonical, raw: text };
}

export function isTerminalRequestStatus(status: RequestStatus | 'unknown'): boolean {
  return status !== 'unknown' && TERMINAL_REQUEST_STATUSES.has(status);
}

export function isTerminalNumberStatus(status: NumberStatus | 'unknown'): boolean {
  return status !== 'unknown' && TERMINAL_NUMBER_STATUSES.has(status);
}
