import type { SubmittableDraft } from '../../../shared/domain/draft';
import type { PayloadInput } from '../../../shared/ipc';
import type { FieldError, SubmitResultView } from '../../../shared/views';
import type { Draft, JsonObject, OutboxItem, StoredDocument, Store } from '../store';
import {
  CreatePortInPayload,
  UploadDocumentPayload,
  type OutboxPayloadOf,
} from '../sync/outboxPayloads';
import { clockOffsetOf, dataChanged, isoNow, type PortingDeps } from './deps';
import { readDraftPayload } from './draftPayload';
import { loadDraft, releaseFailedOperations, requireEditable } from './draftRecords';
import { validateStoredDraft } from './draftValidation';
import { validationFailed } from './errors';
import { parseInput } from './input';
import { numbersHeldByOrigin } from './originHold';

export interface SubmitCommands {
  submitDraft(input: PayloadInput<'submitDraft'>): Promise<SubmitResultView>;
}

/** Pending work that will produce the document's SID: reused instead of a second upload. */
function pendingUploadOf(store: Store, document: StoredDocument): OutboxItem | undefined {
  return store.outbox
    .list({
      accountIds: [document.accountId],
      states: ['queued', 'sending', 'reconciling', 'waiting_for_network'],
    })
    .find(
      (item) =>
        item.kind === 'upload_document' &&
        UploadDocumentPayload.safeParse(item.payload).data?.documentId === document.id,
    );
}

export function createPayloadOf(
  draft: Draft,
  value: SubmittableDraft,
  documentId: number,
): OutboxPayloadOf<'create_port_in'> {
  // Parsed, not just typed: the outbox runner reads it back with the same schema.
  return CreatePortInPayload.parse({
    draftId: draft.id,
    documentIds: [documentId],
    phoneNumbers: value.phoneNumbers,
    losingCarrier: value.losingCarrier,
    notificationEmails: value.notificationEmails.length > 0 ? value.notificationEmails : null,
    targetPortInDate: value.targetPortInDate,
    targetPortInTimeRangeStart: value.targetPortInTimeRangeStart,
    targetPortInTimeRangeEnd: value.targetPortInTimeRangeEnd,
    firstSentAt: null,
  });
}

function asJson(payload: object): JsonObject {
  return JSON.parse(JSON.stringify(payload)) as JsonObject;
}

/**
 * Submit: the full validation, then — in one transaction — the bill's upload (unless Twilio
 * already has it) and the create that depends on it go into the outbox and the draft becomes
 * read-only ('queued'). The outbox sends them; nothing here touches the network, so it works
 * offline. A draft is queued once: submitting it again is a conflict, never a second request.
 */
export function submitCommands(deps: PortingDeps): SubmitCommands {
  const { store } = deps;
  return {
    async submitDraft(input) {
      const { draftId } = parseInput('submitDraft', input);
      type Outcome =
        | { ready: false; fieldErrors: FieldError[] }
        | { ready: false; held: FieldError[]; message: string }
        | { ready: true; create: OutboxItem };
      const outcome = store.transaction((): Outcome => {
        const draft = loadDraft(store, draftId);
        requireEditable(draft);
        const validation = validateStoredDraft(
          store,
          draft,
          deps.now(),
          clockOffsetOf(deps, draft.accountId),
        );
        if (!validation.ok) return { ready: false, fieldErrors: validation.fieldErrors };
        const { bill, value } = validation;
        const origin = readDraftPayload(draft.payload).origin;
        const hold = origin
          ? numbersHeldByOrigin(store, origin.requestSid, value.phoneNumbers)
          : { errors: [], awaitedCancelIds: [] };
        const held = hold.errors;
        if (held.length > 0) {
          const message =
            held.length === 1
              ? (held[0]?.message ?? '')
              : `${held.length} numbers of this draft are still in request ${origin?.requestSid ?? ''}, and Twilio refuses a new request for a number another request still holds (error 22137). Cancel them there (or retry their failed cancels), then submit again: the new request waits in the Outbox until Twilio lets them go.`;
          return { ready: false, held, message };
        }
        releaseFailedOperations(store, draft);

        const now = isoNow(deps);
        const dependsOn: number[] = [];
        if (bill.twilioSid === null) {
          const upload =
            pendingUploadOf(store, bill) ??
            store.outbox.enqueue(
              {
                accountId: draft.accountId,
                kind: 'upload_document',
                payload: asJson(UploadDocumentPayload.parse({ documentId: bill.id })),
                draftId: draft.id,
              },
              now,
            );
          dependsOn.push(upload.id);
        }
        const create = store.outbox.enqueue(
          {
            accountId: draft.accountId,
            kind: 'create_port_in',
            payload: asJson(createPayloadOf(draft, value, bill.id)),
            dependsOn,
            // Sent once the sync sees the original numbers Canceled (no 22137 to show).
            awaitsRelease: hold.awaitedCancelIds,
            draftId: draft.id,
          },
          now,
        );
        store.drafts.update(draft.id, { status: 'queued', fieldErrors: [] }, now);
        return { ready: true, create };
      });

      // Not kept on the draft: it clears by itself once Twilio lets the numbers go.
      if ('held' in outcome) throw validationFailed(outcome.message, outcome.held);
      if (!outcome.ready) {
        // Kept on the draft, so the wizard shows them after a restart too.
        store.drafts.update(draftId, { fieldErrors: outcome.fieldErrors }, isoNow(deps));
        dataChanged(deps, { kinds: ['drafts'], draftIds: [draftId] });
        const count = outcome.fieldErrors.length;
        throw validationFailed(
          `The draft is not ready to submit: ${count === 1 ? '1 field needs' : `${count} fields need`} attention.`,
          outcome.fieldErrors,
        );
      }
      deps.kickOutbox();
      dataChanged(deps, { kinds: ['drafts', 'outbox'], draftIds: [draftId] });
      return {
        state: 'queued',
        draftId,
        outboxItemId: outcome.create.id,
        reason: deps.isOnline() ? 'sending' : 'offline',
      };
    },
  };
}
