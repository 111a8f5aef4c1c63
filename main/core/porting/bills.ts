import type { PayloadInput } from '../../../shared/ipc';
import { PortingError } from './errors';
import type { DraftView, UploadPhase } from '../../../shared/views';
import type { Draft } from '../store';
import { checkBill } from './billChecks';
import { storeBillFile } from './billFiles';
import { deleteFileIfOrphan, forgetUnusedDocument } from './billReferences';
import { dataChanged, isoNow, type PortingDeps } from './deps';
import { readDraftPayload, toJsonPayload } from './draftPayload';
import { loadDraft, releaseFailedOperations, requireEditable } from './draftRecords';
import { readDraftView, type DraftViewSource } from './draftViewReader';
import { withoutTouched } from './fieldErrors';
import { parseInput } from './input';
import type { PortabilityChecks } from './portabilityCheck';

export interface BillCommands {
  attachBill(input: PayloadInput<'attachBill'>): Promise<DraftView>;
  removeBill(input: PayloadInput<'removeBill'>): Promise<DraftView>;
}

/** "C:\fakepath\bill.pdf" → "bill.pdf": only the name is kept, never a path. */
function baseName(name: string): string {
  return name.split(/[\\/]/).pop()?.trim() || name.trim();
}

/**
 * Utility bills: checked by content, kept under `<dataDir>/bills/<sha256>` (the same bytes
 * twice are one file and, per account, one document), attached to a draft. Uploading to Twilio
 * is the outbox's job when the draft is submitted.
 */
export function billCommands(deps: PortingDeps, portability: PortabilityChecks): BillCommands {
  const { store } = deps;
  const views: DraftViewSource = { store, portabilityStatus: (id) => portability.statusOf(id) };

  function progress(
    draftId: number,
    name: string,
    phase: UploadPhase,
    loadedBytes: number,
    totalBytes: number,
    message: string | null = null,
  ): void {
    deps.emit('onUploadProgress', { draftId, name, phase, loadedBytes, totalBytes, message });
  }

  /** Swaps the draft's bill in one transaction; returns the file a replaced bill left unused. */
  function setBill(
    draft: Draft,
    documentId: number | null,
    fileName: string | null,
  ): { saved: Draft; orphan: string | null } {
    return store.transaction(() => {
      const current = loadDraft(store, draft.id);
      requireEditable(current);
      releaseFailedOperations(store, current);
      const payload = readDraftPayload(current.payload);
      const previous = payload.billDocumentId;
      const saved = store.drafts.update(
        current.id,
        {
          payload: toJsonPayload({
            ...payload,
            billDocumentId: documentId,
            billFileName: fileName,
          }),
          fieldErrors: withoutTouched(current.fieldErrors, ['bill']),
          // A failed send goes back to editing once the agent changes the bill.
          status: current.status === 'failed' ? 'editing' : undefined,
        },
        isoNow(deps),
      );
      const orphan =
        previous === null || previous === documentId
          ? null
          : forgetUnusedDocument(store, previous, current.id);
      return { saved, orphan };
    });
  }

  return {
    async attachBill(input) {
      // The contract bounds the payload; checkBill decides, naming the file in its refusal.
      const parsed = parseInput('attachBill', input);
      const { draftId, bytes } = parsed;
      const name = baseName(parsed.name);
      const draft = loadDraft(store, draftId);
      requireEditable(draft);

      progress(draftId, name, 'checking', 0, bytes.byteLength);
      const verdict = await checkBill(name, bytes);
      if (!verdict.ok) {
        progress(draftId, name, 'failed', 0, bytes.byteLength, verdict.message);
        throw new PortingError(verdict.code, verdict.message, [
          { field: 'bytes', message: verdict.message },
        ]);
      }

      progress(draftId, name, 'storing', 0, bytes.byteLength);
      const file = await storeBillFile(deps.dataDir, bytes);
      let result: { saved: Draft; orphan: string | null };
      try {
        result = store.transaction(() => {
          const { document } = store.documents.add(
            {
              accountId: draft.accountId,
              sha256: file.sha256,
              fileName: name,
              mimeType: verdict.mimeType,
              sizeBytes: bytes.byteLength,
              localPath: file.path,
            },
            isoNow(deps),
          );
          return setBill(draft, document.id, name);
        });
      } catch (error) {
        // The draft changed while the file was written (deleted, queued…): keep no stray copy.
        await deleteFileIfOrphan(store, file.path);
        progress(draftId, name, 'failed', 0, bytes.byteLength, 'The bill was not attached.');
        throw error;
      }
      progress(draftId, name, 'storing', bytes.byteLength, bytes.byteLength);
      await deleteFileIfOrphan(store, result.orphan);
      dataChanged(deps, { kinds: ['drafts', 'outbox'], draftIds: [draftId] });
      return readDraftView(views, result.saved);
    },

    async removeBill(input) {
      const { draftId } = parseInput('removeBill', input);
      const draft = loadDraft(store, draftId);
      requireEditable(draft);
      if (readDraftPayload(draft.payload).billDocumentId === null)
        return readDraftView(views, draft);
      const { saved, orphan } = setBill(draft, null, null);
      await deleteFileIfOrphan(store, orphan);
      dataChanged(deps, { kinds: ['drafts', 'outbox'], draftIds: [draftId] });
      return readDraftView(views, saved);
    },
  };
}
