import { create } from 'zustand';
import type { UpdateOfferView } from '../../shared/updates';
import { describeError, portdesk, request } from '../bridge';

interface UpdateState {
  /** The downloaded update main offers, or null (none, or the host does not update itself). */
  offer: UpdateOfferView | null;
  /** Why the last "Restart to update" did not restart, in words. */
  refusal: string | null;
  restarting: boolean;
  /** Listens for offers and asks for the current one; returns what stops listening. */
  watch(): () => void;
  restart(unsavedDraft: boolean): Promise<void>;
}

/** "Restart to update" (docs/release.md, "Updates"): main's offer and the agent's answer. */
export const useUpdates = create<UpdateState>()((set) => ({
  offer: null,
  refusal: null,
  restarting: false,

  watch() {
    let current = true;
    const unsubscribe = portdesk().onUpdateOffer((next) => set({ offer: next, refusal: null }));
    void request((bridge) => bridge.getUpdateOffer()).then((result) => {
      if (current && result.ok) set((state) => ({ offer: state.offer ?? result.data }));
    });
    return () => {
      current = false;
      unsubscribe();
    };
  },

  async restart(unsavedDraft) {
    set({ restarting: true });
    const result = await request((bridge) => bridge.restartToUpdate({ unsavedDraft }));
    if (!result.ok) set({ restarting: false, refusal: describeError(result.error) });
    else set({ restarting: false, refusal: result.data.restarting ? null : result.data.reason });
  },
}));
