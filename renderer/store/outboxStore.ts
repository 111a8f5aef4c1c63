import { create } from 'zustand';
import type { IpcError } from '../../shared/ipc';
import type { OrphanBillView } from '../../shared/orphanBills';
import type { OutboxItemView } from '../../shared/views';
import { request } from '../bridge';

interface OutboxState {
  items: OutboxItemView[] | null;
  /** Bills uploaded to Twilio that no request uses; empty until loaded. */
  orphanBills: OrphanBillView[];
  error: IpcError | null;
  busyIds: ReadonlySet<number>;
  load(): Promise<void>;
  retry(id: number): Promise<IpcError | null>;
  discard(id: number): Promise<IpcError | null>;
}

export const useOutbox = create<OutboxState>()((set, get) => {
  function busy(id: number, on: boolean): void {
    const next = new Set(get().busyIds);
    if (on) next.add(id);
    else next.delete(id);
    set({ busyIds: next });
  }
  return {
    items: null,
    orphanBills: [],
    error: null,
    busyIds: new Set(),

    async load() {
      const [result, orphans] = await Promise.all([
        request((b) => b.listOutbox()),
        request((b) => b.listOrphanBills()),
      ]);
      if (result.ok) set({ items: result.data, error: null });
      else set({ error: result.error });
      // The list of unused bills is extra information: if it cannot load, the outbox still shows.
      if (orphans.ok) set({ orphanBills: orphans.data });
    },

    async retry(id) {
      busy(id, true);
      const result = await request((b) => b.retryOutboxItem({ id }));
      busy(id, false);
      if (!result.ok) return result.error;
      set({ items: (get().items ?? []).map((item) => (item.id === id ? result.data : item)) });
      return null;
    },

    async discard(id) {
      busy(id, true);
      const result = await request((b) => b.discardOutboxItem({ id }));
      busy(id, false);
      if (!result.ok) return result.error;
      set({ items: (get().items ?? []).filter((item) => item.id !== id) });
      return null;
    },
  };
});
