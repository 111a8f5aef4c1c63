import { create } from 'zustand';
import type { IpcError } from '../../shared/ipc';
import type { RequestDetailView } from '../../shared/views';
import { request } from '../bridge';

interface DetailState {
  sid: string | null;
  detail: RequestDetailView | null;
  loading: boolean;
  error: IpcError | null;
  /** Timeline event ids that arrived while the screen was open, for a brief highlight. */
  freshEventIds: ReadonlySet<number>;
  open(sid: string): Promise<void>;
  reload(): Promise<void>;
  close(): void;
}

export const useDetail = create<DetailState>()((set, get) => {
  async function load(sid: string, silent: boolean): Promise<void> {
    if (!silent) set({ loading: true, error: null });
    const result = await request((b) => b.getRequestDetail({ sid }));
    if (get().sid !== sid) return;
    if (!result.ok) {
      // A failed background refresh keeps what is on screen; only a first load shows the error.
      if (!silent || !get().detail) set({ loading: false, error: result.error });
      return;
    }
    const before = get().detail;
    const known = new Set(before?.request.sid === sid ? before.timeline.map((e) => e.id) : []);
    const fresh =
      before?.request.sid === sid
        ? new Set(result.data.timeline.filter((e) => !known.has(e.id)).map((e) => e.id))
        : new Set<number>();
    set({ detail: result.data, loading: false, error: null, freshEventIds: fresh });
  }

  return {
    sid: null,
    detail: null,
    loading: false,
    error: null,
    freshEventIds: new Set(),

    async open(sid) {
      if (get().sid === sid && get().detail) {
        await load(sid, true);
        return;
      }
      set({ sid, detail: null, freshEventIds: new Set() });
      void request((b) => b.focusRequest({ sid }));
      await load(sid, false);
    },

    async reload() {
      const sid = get().sid;
      if (sid) await load(sid, true);
    },

    close() {
      if (get().sid) void request((b) => b.focusRequest({ sid: null }));
      set({ sid: null, detail: null, error: null, freshEventIds: new Set() });
    },
  };
});
