import { create } from 'zustand';
import type { IpcError } from '../../shared/ipc';
import type { DraftSummaryView } from '../../shared/views';
import { describeError, request } from '../bridge';
import { useApp } from './appStore';

interface DraftsState {
  /** Drafts not yet submitted, newest first as main lists them; null until the first load. */
  drafts: DraftSummaryView[] | null;
  error: IpcError | null;
  /** A fresh list each time the screen opens ("Loading drafts…" rather than an old list). */
  open(): Promise<void>;
  load(): Promise<void>;
  /** Deletes a draft (a failure is a toast) and lists the drafts again either way. */
  remove(draftId: number): Promise<void>;
}

/** The "Drafts in progress" list of the New port-in screen. */
export const useDrafts = create<DraftsState>()((set, get) => ({
  drafts: null,
  error: null,

  async open() {
    set({ drafts: null, error: null });
    await get().load();
  },

  async load() {
    const result = await request((b) => b.listDrafts());
    if (result.ok) {
      set({ drafts: result.data.filter((d) => d.status !== 'submitted'), error: null });
    } else set({ error: result.error });
  },

  async remove(draftId) {
    const result = await request((b) => b.deleteDraft({ draftId }));
    if (!result.ok) {
      useApp
        .getState()
        .toast('danger', `The draft was not deleted: ${describeError(result.error)}`);
    }
    await get().load();
  },
}));
