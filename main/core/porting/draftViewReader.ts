import type { DraftView } from '../../../shared/views';
import type { Draft, Store } from '../store';
import { readDraftPayload } from './draftPayload';
import { heldNumbersOf } from './heldNumbers';
import { toDraftView, toPortabilityView, type PortabilityStatus } from './views/draftView';
import { outboxViewLookups } from './views/lookups';
import { lastErrorWords, waitingForOf } from './views/outboxItemView';

export interface DraftViewSource {
  store: Store;
  portabilityStatus(draftId: number): PortabilityStatus | null;
}

/** The failed operation's error, newest first; a failed draft always says something. */
function lastErrorOf(store: Store, draft: Draft): string | null {
  if (draft.status !== 'failed') return null;
  const failed = store.outbox.list({ draftId: draft.id, states: ['failed'] });
  const newest = failed.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id - a.id)[0];
  return (
    lastErrorWords(newest?.lastError ?? null)?.message ??
    'Sending this draft to Twilio failed. Open the Outbox to retry or discard it, or correct the draft and submit it again.'
  );
}

/** A queued draft whose create waits behind the cancel of the numbers it corrects. */
function waitingOf(store: Store, draft: Draft): DraftView['waitingFor'] {
  if (draft.status !== 'queued') return null;
  const create = store.outbox
    .list({ draftId: draft.id })
    .find((item) => item.kind === 'create_port_in' && item.state !== 'done');
  return create ? waitingForOf(create, outboxViewLookups(store)) : null;
}

export function readDraftView(source: DraftViewSource, draft: Draft): DraftView {
  const { store } = source;
  const payload = readDraftPayload(draft.payload);
  const bill = payload.billDocumentId === null ? null : store.documents.get(payload.billDocumentId);
  const phoneNumbers = payload.phoneNumbers.map((n) => n.phoneNumber);
  const portability = toPortabilityView(
    phoneNumbers,
    store.portabilityChecks.list(draft.id),
    source.portabilityStatus(draft.id),
  );
  const view = toDraftView({
    draft,
    payload,
    bill,
    portability,
    lastError: lastErrorOf(store, draft),
    waitingFor: waitingOf(store, draft),
  });
  const heldNumbers = heldNumbersOf(store, {
    phoneNumbers,
    portability,
    fieldErrors: draft.fieldErrors,
    originSid: payload.origin?.requestSid ?? null,
  });
  return heldNumbers.length > 0 ? { ...view, heldNumbers } : view;
}
