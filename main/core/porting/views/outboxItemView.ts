import { formatUsPhoneNumber } from '../../../../shared/domain/phoneNumbers';
import { reasonByCode } from '../../../../shared/domain/reasonCodes';
import type { OutboxItemView, OutboxStateView, OutboxWaitView } from '../../../../shared/views';
import type { JsonObject, OutboxItem, OutboxState, StoredDocument } from '../../store';
import {
  CancelNumberPayload,
  CancelPortInPayload,
  CreatePortInPayload,
  UploadDocumentPayload,
} from '../../sync/outboxPayloads';

/** What the summaries need to know beyond the item itself. */
export interface OutboxViewLookups {
  accountLabel(accountId: string): string;
  document(documentId: number): StoredDocument | null;
  /** The stored request's customer name, when known. */
  customerName(requestSid: string): string | null;
  /** The cancels an item waits for whose numbers are not released yet (store.outbox). */
  unreleasedDependencies(itemId: number): OutboxItem[];
  outboxItem(id: number): OutboxItem | null;
}

/** Reconciling is the outbox's business: to the agent the operation is still being sent. */
const STATE_VIEW: Readonly<Record<OutboxState, OutboxStateView>> = {
  queued: 'queued',
  sending: 'sending',
  reconciling: 'sending',
  waiting_for_network: 'waiting_for_network',
  failed: 'failed',
  done: 'done',
};

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

function forCustomer(name: string | null): string {
  return name ? ` for ${name}` : '';
}

export function summarise(item: OutboxItem, lookups: OutboxViewLookups): string {
  switch (item.kind) {
    case 'upload_document': {
      const parsed = UploadDocumentPayload.safeParse(item.payload);
      const document = parsed.success ? lookups.document(parsed.data.documentId) : null;
      return document
        ? `Upload bill “${document.fileName}” (${formatBytes(document.sizeBytes)})`
        : 'Upload a utility bill';
    }
    case 'create_port_in': {
      const parsed = CreatePortInPayload.safeParse(item.payload);
      if (!parsed.success) return 'Create a port-in request';
      const { losingCarrier, phoneNumbers } = parsed.data;
      return `Create port-in for ${losingCarrier.customerName} (${plural(phoneNumbers.length, 'number', 'numbers')})`;
    }
    case 'cancel_port_in': {
      const parsed = CancelPortInPayload.safeParse(item.payload);
      if (!parsed.success) return 'Cancel a port-in request';
      const { requestSid } = parsed.data;
      return `Cancel port-in ${requestSid}${forCustomer(lookups.customerName(requestSid))}`;
    }
    case 'cancel_number': {
      const parsed = CancelNumberPayload.safeParse(item.payload);
      if (!parsed.success) return 'Cancel a number of a port-in request';
      const { requestSid, numberSid, phoneNumber } = parsed.data;
      const number = phoneNumber ? formatUsPhoneNumber(phoneNumber) : numberSid;
      const customer = lookups.customerName(requestSid);
      return customer
        ? `Cancel ${number} in the port-in for ${customer}`
        : `Cancel ${number} in port-in ${requestSid}`;
    }
  }
}

function phoneNumbersOf(item: OutboxItem): string[] {
  if (item.kind !== 'cancel_number') return [];
  const parsed = CancelNumberPayload.safeParse(item.payload);
  return parsed.success && parsed.data.phoneNumber ? [parsed.data.phoneNumber] : [];
}

/**
 * The runner records a failure as an object with at least `message`; Twilio's code, when there
 * was one, is added to the words with the catalog's fix so the agent knows what to do.
 */
export function lastErrorWords(
  lastError: JsonObject | null,
): { message: string; code: number | null } | null {
  if (lastError === null) return null;
  const code = typeof lastError.code === 'number' ? lastError.code : null;
  const message =
    typeof lastError.message === 'string' && lastError.message.trim() !== ''
      ? lastError.message.trim()
      : 'The last attempt failed without an explanation from Twilio.';
  const reason = code === null ? undefined : reasonByCode(code, 'create_error');
  const withFix = reason && !message.includes(reason.fix) ? `${message} ${reason.fix}` : message;
  return { message: withFix, code };
}

/** Our own cancel still holding the numbers: waiting words, never an error (docs/sync.md). */
function heldByOwnCancel(item: OutboxItem): boolean {
  return (
    item.awaitsRelease.length > 0 &&
    (item.lastError?.kind === 'held_by_own_cancel' || item.lastError?.code === 22137)
  );
}

/**
 * What a create queued behind cancels waits for: the first request whose cancel has not
 * released its numbers. A create Twilio answered with 22137 anyway (its check lagging the sync)
 * waits for the same cancels. Null once nothing holds it back, and for done or failed items.
 */
export function waitingForOf(
  item: OutboxItem,
  lookups: Pick<OutboxViewLookups, 'unreleasedDependencies' | 'outboxItem'>,
): OutboxWaitView | null {
  if (item.awaitsRelease.length === 0 || item.state === 'done' || item.state === 'failed') {
    return null;
  }
  let cancels = lookups.unreleasedDependencies(item.id);
  if (cancels.length === 0 && heldByOwnCancel(item)) {
    cancels = item.awaitsRelease
      .map((id) => lookups.outboxItem(id))
      .filter((cancel): cancel is OutboxItem => cancel !== null);
  }
  const requestSid = cancels.find((cancel) => cancel.requestSid !== null)?.requestSid ?? null;
  if (requestSid === null) return null;
  const same = cancels.filter((cancel) => cancel.requestSid === requestSid);
  const phoneNumbers = same.some((cancel) => cancel.kind === 'cancel_port_in')
    ? []
    : same.flatMap(phoneNumbersOf);
  const cancelFailed = same.some((cancel) => cancel.state === 'failed');
  const offline = same.some((cancel) => cancel.state === 'waiting_for_network');
  const base = `Waiting for the cancel of ${requestSid} to finish`;
  const words = cancelFailed
    ? `${base}: that cancel failed. Retry it in the Outbox; this request is sent once Twilio lets the numbers go.`
    : offline
      ? `${base}: the cancel is sent when PortDesk is back online.`
      : `${base}; sent by itself once Twilio shows the numbers Canceled.`;
  return { requestSid, phoneNumbers, words, cancelFailed };
}

export function toOutboxItemView(item: OutboxItem, lookups: OutboxViewLookups): OutboxItemView {
  const waitingFor = waitingForOf(item, lookups);
  return {
    id: item.id,
    kind: item.kind,
    accountId: item.accountId,
    accountLabel: lookups.accountLabel(item.accountId),
    state: STATE_VIEW[item.state],
    summary: summarise(item, lookups),
    requestSid: item.requestSid,
    draftId: item.draftId,
    phoneNumbers: phoneNumbersOf(item),
    attempts: item.attempts,
    nextAttemptAt: item.nextAttemptAt,
    // 22137 from our own cancel is never the agent's problem: the wait says it instead.
    lastError: heldByOwnCancel(item) ? null : lastErrorWords(item.lastError),
    waitingFor,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}
