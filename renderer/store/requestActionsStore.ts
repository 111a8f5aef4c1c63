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
   * Opens a corrected draft of a rejected request and, when `cancelRejected` (the agent agreed),
   * cancels its rejected numbers — one command in main; resolves once the draft is on screen.
   */
  fixAndResubmit(sid: string, cancelRejected: boolean): Promise<void>;
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
    // The header shows "Canceling…" as the dialog closes, not at the next event.
    if (result.ok) await useDetail.getState().reload();
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
  },

  async cancelNumbers(sid, numberSids) {
    set({ busy: 'numbers' });
    const result = await request((b) => b.cancelNumbers({ sid, numberSids: [...numberSids] }));
    if (result.ok) await useDetail.getState().reload();
    set({ busy: null });
    if (!result.ok) {
      toast('danger', `The numbers were not canceled: ${describeError(result.error)}`);
      return;
    }
    toast(
      'info',
      `${plural(numberSids.length, 'number')}: cancel ${cancelSentWords(result.data.waitingForNetwork)}.`,
    );
  },

  /*
   * Twilio keeps a rejected number in its request until it is canceled, and refuses a new request
   * for it until then (22137). One command in main opens the corrected draft and, with the
   * agent's consent, queues the cancel of the rejected numbers; a cancel main could not queue is
   * in its answer (the draft is kept), said here before the draft opens.
   */
  async fixAndResubmit(sid, cancelRejected) {
    set({ busy: 'resubmit' });
    const result = await request((b) => b.correctRejectedRequest({ sid, cancelRejected }));
    set({ busy: null });
    if (!result.ok) {
      toast('danger', `Could not start the corrected request: ${describeError(result.error)}`);
      return;
    }
    const { draft, cancel, cancelProblem } = result.data;
    if (cancelProblem !== null) {
      toast(
        'danger',
        `The rejected numbers were not canceled: ${cancelProblem} Cancel them in ${sid}; the correction waits for that cancel.`,
      );
    } else if (cancel !== null) {
      toast(
        'info',
        `${plural(cancel.numbers, 'rejected number')}: cancel ${cancelSentWords(cancel.waitingForNetwork)}.`,
      );
    }
    useApp.getState().navigate({ screen: 'new-port-in', draftId: draft.id });
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
