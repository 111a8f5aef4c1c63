import type { PayloadInput } from '../../../shared/ipc';
import type { DraftSummaryView, DraftValidationView, DraftView } from '../../../shared/views';
import type { Draft, DraftPatch as StoredDraftPatch } from '../store';
import { deleteFileIfOrphan, forgetUnusedDocument } from './billReferences';
import { clockOffsetOf, dataChanged, isoNow, type PortingDeps } from './deps';
import {
  applyDraftPatch,
  emptyDraftPayload,
  pathsTouchedBy,
  readDraftPayload,
  toJsonPayload,
  type StoredDraftPayload,
} from './draftPayload';
import { loadAccount, loadDraft, releaseFailedOperations, requireEditable } from './draftRecords';
import { validateStoredDraft } from './draftValidation';
import { readDraftView, type DraftViewSource } from './draftViewReader';
import { conflict } from './errors';
import { withoutTouched } from './fieldErrors';
import { parseInput } from './input';
import type { PortabilityChecks } from './portabilityCheck';
import { toDraftSummaryView } from './views/draftView';

export interface DraftCommands {
  createDraft(input: PayloadInput<'createDraft'>): Promise<DraftView>;
  updateDraft(input: PayloadInput<'updateDraft'>): Promise<DraftView>;
  getDraft(input: PayloadInput<'getDraft'>): Promise<DraftView>;
  listDrafts(input?: PayloadInput<'listDrafts'>): Promise<DraftSummaryView[]>;
  deleteDraft(input: PayloadInput<'deleteDraft'>): Promise<{ deleted: true }>;
  validateDraft(input: PayloadInput<'validateDraft'>): Promise<DraftValidationView>;
}

/**
 * Drafts of new port-in requests: local only (they work offline), saved on every change, and
 * read-only once queued or submitted. Lifecycle: editing → queued → submitted | failed → editing.
 */
export function draftCommands(deps: PortingDeps, portability: PortabilityChecks): DraftCommands {
  const { store } = deps;
  const views: DraftViewSource = { store, portabilityStatus: (id) => portability.statusOf(id) };
  const view = (draft: Draft): DraftView => readDraftView(views, draft);

  /** A bill belongs to an account (its Twilio document lives there): a moved draft takes a copy. */
  function moveToAccount(
    draft: Draft,
    payload: StoredDraftPayload,
    accountId: string,
  ): { payload: StoredDraftPayload; detachedDocumentId: number | null } {
    loadAccount(store, accountId);
    // The draft's portability answers are per account (22131, 22136): the store's move deletes
    // them. The bill's document is per account too: the new account gets its own copy.
    const documentId = payload.billDocumentId;
    const document = documentId === null ? null : store.documents.get(documentId);
    if (!document || document.accountId === accountId) return { payload, detachedDocumentId: null };
    const { document: copy } = store.documents.add(
      {
        accountId,
        sha256: document.sha256,
        fileName: document.fileName,
        mimeType: document.mimeType,
        sizeBytes: document.sizeBytes,
        localPath: document.localPath,
      },
      isoNow(deps),
    );
    return { payload: { ...payload, billDocumentId: copy.id }, detachedDocumentId: document.id };
  }

  return {
    async createDraft(input) {
      const { accountId, initial } = parseInput('createDraft', input);
      loadAccount(store, accountId);
      const payload = applyDraftPatch(emptyDraftPayload(), initial ?? {});
      const draft = store.drafts.create(
        { accountId, payload: toJsonPayload(payload) },
        isoNow(deps),
      );
      dataChanged(deps, { kinds: ['drafts'], draftIds: [draft.id] });
      return view(draft);
    },

    async updateDraft(input) {
      const { draftId, accountId, patch } = parseInput('updateDraft', input);
      const before = loadDraft(store, draftId);
      requireEditable(before);
      if (accountId !== undefined && accountId !== before.accountId) {
        loadAccount(store, accountId);
        // A check still asking the old account would store answers that do not hold for the new.
        await portability.forgetDraft(draftId);
      }
      const updated = store.transaction(() => {
        // Read again: another edit may have landed while the check stopped.
        const draft = loadDraft(store, draftId);
        requireEditable(draft);
        const moving = accountId !== undefined && accountId !== draft.accountId;
        releaseFailedOperations(store, draft);
        let payload = applyDraftPatch(readDraftPayload(draft.payload), patch);
        const touched = pathsTouchedBy(patch);
        let detached: number | null = null;
        if (moving) {
          const moved = moveToAccount(draft, payload, accountId);
          payload = moved.payload;
          detached = moved.detachedDocumentId;
          touched.push('account');
        }
        if (patch.phoneNumbers !== undefined) {
          store.portabilityChecks.retain(
            draftId,
            payload.phoneNumbers.map((n) => n.phoneNumber),
          );
        }
        const change: StoredDraftPatch = {
          payload: toJsonPayload(payload),
          fieldErrors: withoutTouched(draft.fieldErrors, touched),
          status: draft.status === 'failed' ? 'editing' : undefined,
          accountId: moving ? accountId : undefined,
        };
        const saved = store.drafts.update(draftId, change, isoNow(deps));
        const orphan = detached === null ? null : forgetUnusedDocument(store, detached, draftId);
        return { saved, orphan };
      });
      await deleteFileIfOrphan(store, updated.orphan);
      dataChanged(deps, { kinds: ['drafts', 'outbox'], draftIds: [draftId] });
      return view(updated.saved);
    },

    async getDraft(input) {
      const { draftId } = parseInput('getDraft', input);
      return view(loadDraft(store, draftId));
    },

    async listDrafts(input) {
      parseInput('listDrafts', input);
      const labels = new Map(store.accounts.list().map((a) => [a.id, a.label]));
      return store.drafts
        .list()
        .map((draft) =>
          toDraftSummaryView(
            draft,
            readDraftPayload(draft.payload),
            labels.get(draft.accountId) ?? '',
          ),
        );
    },

    async deleteDraft(input) {
      const { draftId } = parseInput('deleteDraft', input);
      const draft = loadDraft(store, draftId);
      if (draft.status === 'queued') {
        throw conflict(
          `Draft ${draftId} is queued to be sent to Twilio. Discard its “Create port-in” operation in the Outbox first, then delete the draft.`,
          'draftId',
        );
      }
      await portability.forgetDraft(draftId);
      const orphan = store.transaction(() => {
        releaseFailedOperations(store, draft);
        const { billDocumentId } = readDraftPayload(draft.payload);
        store.drafts.remove(draftId);
        return billDocumentId === null
          ? null
          : forgetUnusedDocument(store, billDocumentId, draftId);
      });
      await deleteFileIfOrphan(store, orphan);
      dataChanged(deps, { kinds: ['drafts', 'outbox'], draftIds: [draftId] });
      return { deleted: true };
    },

    async validateDraft(input) {
      const { draftId } = parseInput('validateDraft', input);
      const draft = loadDraft(store, draftId);
      const { fieldErrors } = validateStoredDraft(
        store,
        draft,
        deps.now(),
        clockOffsetOf(deps, draft.accountId),
      );
      // Saved so they survive a restart; a queued or submitted draft is read-only.
      if (draft.status === 'editing' || draft.status === 'failed') {
        store.drafts.update(draftId, { fieldErrors }, isoNow(deps));
        dataChanged(deps, { kinds: ['drafts'], draftIds: [draftId] });
      }
      return { fieldErrors, ready: fieldErrors.length === 0 };
    },
  };
}
