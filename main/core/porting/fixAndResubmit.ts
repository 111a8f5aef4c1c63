import { localDateString } from '../../../shared/domain/portDates';
import type { PortInRequest } from '../../../shared/domain/portIn';
import { draftFromRejectedRequest } from '../../../shared/domain/resubmission';
import type { PayloadInput } from '../../../shared/ipc';
import type { DraftView } from '../../../shared/views';
import type { Draft, Store } from '../store';
import { clockOffsetOf, dataChanged, isoNow, type PortingDeps } from './deps';
import { readDraftPayload, toJsonPayload, type StoredDraftPayload } from './draftPayload';
import { readDraftView, type DraftViewSource } from './draftViewReader';
import { conflict, notFound } from './errors';
import { parseInput } from './input';
import type { PortabilityChecks } from './portabilityCheck';

export interface FixAndResubmitCommands {
  fixAndResubmit(input: PayloadInput<'fixAndResubmit'>): Promise<DraftView>;
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
 * reasons point at. Asking twice opens the same draft while it is still being edited. The
 * rejected numbers are not canceled here: the agent decides (request detail → cancel numbers).
 */
export function fixAndResubmitCommands(
  deps: PortingDeps,
  portability: PortabilityChecks,
): FixAndResubmitCommands {
  const { store } = deps;
  const views: DraftViewSource = { store, portabilityStatus: (id) => portability.statusOf(id) };
  return {
    async fixAndResubmit(input) {
      const { sid } = parseInput('fixAndResubmit', input);
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
    },
  };
}
