import { localDateString } from '../../../shared/domain/portDates';
import type { PortInRequest } from '../../../shared/domain/portIn';
import { draftFromRejectedRequest } from '../../../shared/domain/resubmission';
import type { PayloadInput } from '../../../shared/ipc';
import type { CorrectionStartedView, DraftView } from '../../../shared/views';
import type { Draft, Store } from '../store';
import { clockOffsetOf, dataChanged, isoNow, type PortingDeps } from './deps';
import { readDraftPayload, toJsonPayload, type StoredDraftPayload } from './draftPayload';
import { readDraftView, type DraftViewSource } from './draftViewReader';
import type { CancelCommands } from './cancels';
import { conflict, notFound, PortingError } from './errors';
import { parseInput } from './input';
import type { PortabilityChecks } from './portabilityCheck';

export interface FixAndResubmitCommands {
  fixAndResubmit(input: PayloadInput<'fixAndResubmit'>): Promise<DraftView>;
  correctRejectedRequest(
    input: PayloadInput<'correctRejectedRequest'>,
  ): Promise<CorrectionStartedView>;
}

/** The bill the original request was sent with, when this computer still has it for the account. */
function originalBill(store: Store, accountId: string, request: PortInRequest): number | null {
  const sids = new Set(request.documents);
  return (
    store.documents.list(accountId).find((d) => d.twilioSid !== null && sids.has(d.twilioSid))
      ?.id ?? null
  );
}

function draftCorrecting(store: Store, requestSid: string): Draft | undefined {
  return store.drafts
    .list({ statuses: ['editing', 'failed'] })
    .find((draft) => readDraftPayload(draft.payload).origin?.requestSid === requestSid);
}

/**
 * "Fix and resubmit": Twilio has no update call, so a rejected request is corrected by a new one.
 * The new draft holds the rejected numbers (all of them when the whole request was rejected),
 * the original's carrier details, emails and schedule, and marks the fields the rejection
 * reasons point at. Asking twice opens the same draft while it is still being edited.
 * `fixAndResubmit` cancels nothing; `correctRejectedRequest` also cancels the rejected numbers
 * when the agent agreed (the request detail's dialog).
 */
export function fixAndResubmitCommands(
  deps: PortingDeps,
  portability: PortabilityChecks,
  cancels: CancelCommands,
): FixAndResubmitCommands {
  const { store } = deps;
  const views: DraftViewSource = { store, portabilityStatus: (id) => portability.statusOf(id) };

  async function openCorrection(sid: string): Promise<DraftView> {
    const stored = store.requests.getRequest(sid);
    if (!stored)
      throw notFound('sid', `PortDesk has no port-in request ${sid}; sync, then try again.`);
    if (!stored.request) {
      throw conflict(
        `PortDesk has not loaded the numbers of ${sid} yet; sync, then try again.`,
        'sid',
      );
    }
    // The account's today: the one Twilio will judge the kept date by.
    const today = localDateString(new Date(deps.now() + clockOffsetOf(deps, stored.accountId)));
    const correction = draftFromRejectedRequest(stored.request, today);
    if (!correction) {
      throw conflict(
        `No number of ${sid} was rejected: there is nothing to fix. To change a request that is still running, cancel it and submit a new one.`,
        'sid',
      );
    }
    const existing = draftCorrecting(store, sid);
    if (existing) return readDraftView(views, existing);

    const payload: StoredDraftPayload = {
      ...correction.payload,
      billDocumentId: originalBill(store, stored.accountId, stored.request),
      origin: { requestSid: sid, fieldsToCorrect: correction.fieldsToCorrect },
    };
    const draft = store.drafts.create(
      {
        accountId: stored.accountId,
        payload: toJsonPayload(payload),
        fieldErrors: correction.fieldErrors,
      },
      isoNow(deps),
    );
    dataChanged(deps, { kinds: ['drafts'], draftIds: [draft.id] });
    return readDraftView(views, draft);
  }

  return {
    async fixAndResubmit(input) {
      const { sid } = parseInput('fixAndResubmit', input);
      return openCorrection(sid);
    },

    /*
     * The workflow the request detail runs, in one command: the draft first (it is what the agent
     * works on, so a cancel that cannot be queued never loses it), then the cancel of the rejected
     * numbers the request still holds. That cancel's refusal is an answer, not an error. Submit
     * then queues the corrected create behind it (submit.ts, originHold.ts).
     */
    async correctRejectedRequest(input) {
      const { sid, cancelRejected } = parseInput('correctRejectedRequest', input);
      const draft = await openCorrection(sid);
      if (!cancelRejected) return { draft, cancel: null, cancelProblem: null };
      const numberSids = rejectedToCancel(store, sid);
      if (numberSids.length === 0) return { draft, cancel: null, cancelProblem: null };
      try {
        const queued = await cancels.cancelNumbers({ sid, numberSids });
        return { draft, cancel: { ...queued, numbers: numberSids.length }, cancelProblem: null };
      } catch (error) {
        if (!(error instanceof PortingError)) throw error;
        return { draft, cancel: null, cancelProblem: error.message };
      }
    },
  };
}

/**
 * The rejected numbers of `sid` that still need a cancel: rejected, and no cancel of theirs (or
 * of the whole request) queued, in flight or accepted. A failed one is asked again (re-queued).
 */
function rejectedToCancel(store: Store, sid: string): string[] {
  const request = store.requests.getRequest(sid)?.request;
  if (!request) return [];
  // Done counts: Twilio accepted it, and the sync may not have seen the number Canceling yet.
  const live = store.outbox.list({ requestSid: sid }).filter((item) => item.state !== 'failed');
  if (live.some((item) => item.kind === 'cancel_port_in')) return [];
  const pending = new Set(
    live.flatMap((item) =>
      item.operation.kind === 'cancel_number' ? [item.operation.payload.numberSid] : [],
    ),
  );
  return request.phoneNumbers
    .filter((n) => n.status.canonical === 'rejected' && !pending.has(n.sid))
    .map((n) => n.sid);
}
