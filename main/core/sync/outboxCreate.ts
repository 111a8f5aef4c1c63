import { toPortInCreateInput } from '../../../shared/domain/draft';
import type { PortInRequest } from '../../../shared/domain/portIn';
import type { OutboxItem, OutboxPayloadOf } from '../store';
import type { PortingClient } from '../twilio';
import { fieldErrorsForRefusal } from './draftFieldErrors';
import { DEFAULT_RETRY_SCHEDULE } from './outboxPolicy';
import type { DoneRecord, OutboxSender, StepEnd } from './outboxSend';
import { findCreatedRequest, requestSidsIn } from './reconcileCreate';
import { saveFetchedWithEvents } from './requestWriter';
import { cycleStopFor, localError } from './syncErrors';

type CreatePayload = OutboxPayloadOf<'create_port_in'>;

/** Sends a create whose bills are uploaded; its answer is adopted as the new request. */
export async function sendCreate(
  sender: OutboxSender,
  item: OutboxItem,
  payload: CreatePayload,
  client: PortingClient,
  signal: AbortSignal,
): Promise<StepEnd> {
  const { store } = sender.deps;
  const account = store.accounts.get(item.accountId);
  const documentSids: string[] = [];
  for (const documentId of payload.documentIds) {
    const sid = store.documents.get(documentId)?.twilioSid ?? null;
    if (sid === null) {
      sender.fail(
        item,
        localError(
          'missing_bill',
          `The bill (document ${documentId}) has not been uploaded, so the request cannot be sent.`,
          sender.isoNow(),
        ),
        'Attach the bill again and submit.',
        [{ field: 'billDocumentId', message: 'The bill was not uploaded. Attach it again.' }],
      );
      return null;
    }
    documentSids.push(sid);
  }
  const input = toPortInCreateInput(
    {
      phoneNumbers: payload.phoneNumbers.map((n) => ({
        phoneNumber: n.phoneNumber,
        pin: n.pin ?? null,
      })),
      losingCarrier: payload.losingCarrier,
      notificationEmails: payload.notificationEmails ?? [],
      targetPortInDate: payload.targetPortInDate ?? null,
      targetPortInTimeRangeStart: payload.targetPortInTimeRangeStart ?? null,
      targetPortInTimeRangeEnd: payload.targetPortInTimeRangeEnd ?? null,
    },
    { accountSid: account?.accountSid ?? '', documentSids },
  );
  // Written with `sending`, before the first byte goes out: reconciliation looks for requests
  // created after it.
  const firstSentAt = payload.firstSentAt ?? sender.deps.now();
  return sender.send(
    item,
    () => client.createPortIn(input, { signal }),
    (request) => adopt(sender, item, payload, request, false, client.serverClockOffsetMs ?? 0),
    // Into the stored payload as it is, so keys this version does not know survive.
    { ...item.payload, firstSentAt },
  );
}

/**
 * A create that may exist at Twilio: look it up before anything is sent again. Found: adopt it.
 * Not found: fail on a 22137 that is not ours, give up after the attempts, else send again.
 */
export async function reconcileCreate(
  sender: OutboxSender,
  item: OutboxItem,
  payload: CreatePayload,
  client: PortingClient,
  signal: AbortSignal,
  details: Map<string, PortInRequest>,
): Promise<StepEnd> {
  const { store } = sender.deps;
  const lastMessage = item.lastError?.message ?? '';
  let found: PortInRequest | null;
  try {
    found = await findCreatedRequest(
      client,
      store,
      {
        itemId: item.id,
        accountId: item.accountId,
        payload,
        queuedAt: item.createdAt,
        hintedSids: requestSidsIn(lastMessage),
      },
      details,
      signal,
    );
  } catch (error) {
    return reconcileFailed(sender, item, error);
  }

  if (found !== null) {
    const request = found;
    store.transaction(() => {
      const done = adopt(sender, item, payload, request, true, client.serverClockOffsetMs ?? 0);
      store.outbox.update(
        item.id,
        { ...done, state: 'done', lastError: null, nextAttemptAt: null },
        sender.isoNow(),
      );
    });
    sender.changed(item, payload.draftId, request.sid);
    return null;
  }

  // Nothing of ours exists at Twilio.
  const at = sender.isoNow();
  if (item.lastError?.code === 22137 && heldByOwnCancel(sender, item, lastMessage)) return null;
  if (item.lastError?.code === 22137) {
    // A port for these numbers is open, and it is not ours: the agent must sort that out.
    sender.fail(
      item,
      item.lastError,
      'A port for these numbers is already open in another request.',
      fieldErrorsForRefusal(
        { code: 22137, message: lastMessage },
        payload.phoneNumbers.map((n) => n.phoneNumber),
        sender.draftPayload(item, payload.draftId),
      ),
    );
    return null;
  }
  if (item.attempts >= DEFAULT_RETRY_SCHEDULE.maxAttempts) {
    sender.fail(
      item,
      item.lastError ?? localError('local', 'Sending kept failing.', at),
      `Twilio did not confirm the request after ${item.attempts} attempts, and it does not exist at Twilio. Retry to send it again.`,
    );
    return null;
  }
  // Sure now that it never arrived: send again. At once after an interruption or a dropped
  // connection; after a server error, with the usual backoff.
  const kind = item.lastError?.kind ?? 'interrupted';
  const waitMs = ['server', 'timeout', 'malformed_response', 'rate_limited'].includes(kind)
    ? sender.backoffMs(item.attempts)
    : 0;
  store.outbox.update(
    item.id,
    {
      state: 'queued',
      nextAttemptAt: waitMs === 0 ? null : new Date(sender.deps.now() + waitMs).toISOString(),
    },
    at,
  );
  sender.changed(item, payload.draftId, null);
  return null;
}

/**
 * A corrected create that waited for the cancel of the original numbers met 22137 anyway (the
 * sync saw them Canceled, Twilio's check had not caught up, or it names one of those requests):
 * that is our own cancel still holding them, not the agent's problem. The create goes back to
 * waiting — queued with a backoff, the original request fetched soon — and nothing is shown but
 * "Waiting for the cancel … to finish". A 22137 naming another request is handled as before.
 */
function heldByOwnCancel(sender: OutboxSender, item: OutboxItem, message: string): boolean {
  const { store } = sender.deps;
  const origins = new Set(
    item.awaitsRelease
      .map((id) => store.outbox.get(id)?.requestSid ?? null)
      .filter((sid): sid is string => sid !== null),
  );
  if (origins.size === 0) return false;
  const named = requestSidsIn(message);
  if (named.length > 0 && !named.some((sid) => origins.has(sid))) return false;
  const at = sender.isoNow();
  for (const sid of origins) {
    try {
      store.requests.markFetched(sid, { nextFetchAt: at });
    } catch {
      // Not stored: discovery finds it.
    }
  }
  store.outbox.update(
    item.id,
    {
      state: 'queued',
      lastError: localError(
        'held_by_own_cancel',
        `Waiting for the cancel of ${[...origins].join(', ')} to finish.`,
        at,
      ),
      nextAttemptAt: new Date(sender.deps.now() + sender.backoffMs(item.attempts)).toISOString(),
    },
    at,
  );
  sender.changed(item, item.draftId, null);
  return true;
}

/** Reconciliation could not finish (the list or a fetch failed): stay in reconciling. */
function reconcileFailed(sender: OutboxSender, item: OutboxItem, error: unknown): StepEnd {
  const at = sender.isoNow();
  const stop = cycleStopFor(error, sender.deps.accountLabel(item.accountId));
  const nextAttemptAt =
    stop.kind === 'failed'
      ? new Date(
          sender.deps.now() + sender.backoffMs(item.attempts, stop.retryAfterMs),
        ).toISOString()
      : null;
  // lastError keeps the send's failure (22137 matters later); the lookup's problem is not kept.
  sender.deps.store.outbox.update(item.id, { state: 'reconciling', nextAttemptAt }, at);
  if (stop.kind === 'failed') return null;
  return { stoppedBy: stop.kind, message: stop.message };
}

/**
 * Records a created (or found) request, inside the caller's transaction: the request and its
 * 'request_created' event (source outbox), its fetch schedule, and the draft's link.
 */
function adopt(
  sender: OutboxSender,
  item: OutboxItem,
  payload: CreatePayload,
  request: PortInRequest,
  reconciled: boolean,
  /** The account's server clock minus ours at this answer: the times shown follow it. */
  clockOffsetMs: number,
): Required<DoneRecord> {
  const { store, now, cadence, random } = sender.deps;
  saveFetchedWithEvents(store, request, {
    accountId: item.accountId,
    nowMs: now(),
    source: 'outbox',
    openOnScreen: false,
    cadence: cadence(),
    random,
    // A reconciled request was fetched just now; our create's answer dates from creation.
    origin: reconciled ? 'fetched' : 'create_answer',
    clockOffsetMs,
  });
  const draftId = item.draftId ?? payload.draftId;
  if (store.drafts.get(draftId) !== null) {
    store.drafts.update(
      draftId,
      { status: 'submitted', requestSid: request.sid, fieldErrors: [] },
      sender.isoNow(),
    );
  }
  return { result: { requestSid: request.sid, reconciled }, requestSid: request.sid };
}
