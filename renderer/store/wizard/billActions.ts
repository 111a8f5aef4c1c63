import { request } from '../../bridge';
import { withLocalEdits } from './localEdits';
import type { WizardGet, WizardSet, WizardState } from './wizardState';

type BillActions = Pick<WizardState, 'attachBill' | 'removeBill' | 'applyUploadProgress'>;

/** The bill step's actions: read the file, send its bytes to main, follow main's progress. */
export function billActions(set: WizardSet, get: WizardGet): BillActions {
  return {
    async attachBill(file) {
      const draft = get().draft;
      if (!draft) return;
      set({
        upload: {
          name: file.name,
          phase: 'reading',
          loadedBytes: 0,
          totalBytes: file.size,
          message: null,
        },
      });
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await file.arrayBuffer());
      } catch {
        set({
          upload: {
            name: file.name,
            phase: 'failed',
            loadedBytes: 0,
            totalBytes: file.size,
            message: 'PortDesk could not read that file. Is it still on disk, and readable?',
          },
        });
        return;
      }
      const result = await request((b) =>
        b.attachBill({ draftId: draft.id, name: file.name, bytes }),
      );
      if (!result.ok) {
        set({
          upload: {
            name: file.name,
            phase: 'failed',
            loadedBytes: 0,
            totalBytes: file.size,
            message: result.error.message,
          },
        });
        return;
      }
      set({
        draft: withLocalEdits(result.data),
        upload: null,
        billBytes: {
          draftId: draft.id,
          name: file.name,
          mimeType: result.data.bill?.mimeType ?? file.type,
          bytes,
        },
      });
    },

    async removeBill() {
      const draft = get().draft;
      if (!draft) return;
      const result = await request((b) => b.removeBill({ draftId: draft.id }));
      if (result.ok) set({ draft: withLocalEdits(result.data), upload: null, billBytes: null });
      else set({ save: { state: 'error', at: Date.now(), error: result.error } });
    },

    applyUploadProgress(event) {
      const { draft, upload } = get();
      if (!draft || draft.id !== event.draftId) return;
      // Only while this file is being attached here: main's events and its answer travel apart,
      // and a "storing" that arrives after the answer must not bring back a finished upload
      // (it would keep the drop zone disabled for good).
      if (!upload || upload.name !== event.name || upload.phase === 'failed') return;
      set({
        upload: {
          name: event.name,
          phase: event.phase,
          loadedBytes: event.loadedBytes,
          totalBytes: event.totalBytes,
          message: event.message,
        },
      });
    },
  };
}
