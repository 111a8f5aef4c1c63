import { create } from 'zustand';
import { describeError, request } from '../bridge';
import { plural } from '../ui/format';
import { useApp } from './appStore';
import { useDetail } from './detailStore';

/** Which of the detail screen's commands is in flight (its button or dialog shows busy). */
export type RequestActionBusy = null | 'cancel' | 'numbers' | 'resubmit' | 'loa';

interface RequestActionsState {
  busy: RequestActionBusy;
  /** Cancels the whole request (queued when offline); the outcome is a toast. */
  cancelRequest(sid: string): Promise<void>;
  cancelNumbers(sid: string, numberSids: readonly string[]): Promise<void>;
  /**
   * Opens a corrected draft of a rejected request and cancels `cancelNumberSids` (the rejected
   * numbers the agent agreed to cancel) in it; resolves once the draft is open on screen.
   */
  fixAndResubmit(sid: string, cancelNumberSids: readonly string[]): Promise<void>;
  openLoaLink(sid: string): Promise<void>;
}

function toast(tone: 'info' | 'success' | 'danger', message: string): void {
  useApp.getState().toast(tone, message);
}

/** "sent to Twilio" or "queued until PortDesk is back online", as main answered. */
function cancelSentWords(waitingForNetwork: boolean): string {
  return waitingForNetwork ? 'queued until PortDesk is back online' : 'sent to Twilio';
}

/**
 * The detail screen's commands: each calls main, says how it went in a toast, and refreshes the
 * request shown. The screen only opens dialogs and shows `busy`.
 */
export const useRequestActions = create<RequestActionsState>()((set) => ({
  busy: null,

  async cancelRequest(sid) {
    set({ busy: 'cancel' });
    const result = await request((b) => b.cancelRequest({ sid }));
    set({ busy: null });
    if (!result.ok) {
      toast('danger', `The request was not canceled: ${describeError(result.error)}`);
      return;
    }
    toast(
      'info',
      result.data.waitingForNetwork
        ? 'Cancel queued: it is sent when PortDesk is back online.'
        : 'Cancel sent to Twilio.',
    );
    void useDetail.getState().reload();
  },

  async cancelNumbers(sid, numberSids) {
    set({ busy: 'numbers' });
    const result = await request((b) => b.cancelNumbers({ sid, numberSids: [...numberSids] }));
    set({ busy: null });
    if (!result.ok) {
      toast('danger', `The numbers were not canceled: ${describeError(result.error)}`);
      return;
    }
    toast(
      'info',
      `${plural(numberSids.length, 'number')}: cancel ${cancelSentWords(result.data.waitingForNetwork)}.`,
    );
    void useDetail.getState().reload();
  },

  /*
   * Twilio keeps a rejected number in its request until it is canceled, and refuses a new request
   * for it until then (22137): the corrected draft is opened and the rejected numbers canceled at
   * the same time. Two calls for now, so a failed cancel is reported without losing the draft;
   * main is to take both as one command, and this action then makes that one call.
   */
  async fixAndResubmit(sid, cancelNumberSids) {
    set({ busy: 'resubmit' });
    const result = await request((b) => b.fixAndResubmit({ sid }));
    if (!result.ok) {
      set({ busy: null });
      toast('danger', `Could not start the corrected request: ${describeError(result.error)}`);
      return;
    }
    const count = cancelNumberSids.length;
    if (count > 0) {
      const canceled = await request((b) =>
        b.cancelNumbers({ sid, numberSids: [...cancelNumberSids] }),
      );
      const what = plural(count, 'rejected number');
      if (!canceled.ok) {
        toast(
          'danger',
          `The ${what} ${count === 1 ? 'was' : 'were'} not canceled: ${describeError(canceled.error)} Cancel ${count === 1 ? 'it' : 'them'} in ${sid} before you submit the correction.`,
        );
      } else {
        toast('info', `${what}: cancel ${cancelSentWords(canceled.data.waitingForNetwork)}.`);
      }
    }
    set({ busy: null });
    useApp.getState().navigate({ screen: 'new-port-in', draftId: result.data.id });
  },

  async openLoaLink(sid) {
    set({ busy: 'loa' });
    const result = await request((b) => b.openLoaLink({ sid }));
    set({ busy: null });
    if (!result.ok) {
      toast('danger', `The signing link was not opened: ${describeError(result.error)}`);
    }
  },
}));
