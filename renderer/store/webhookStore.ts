import { create } from 'zustand';
import type {
  Envelope,
  IpcError,
  WebhookConfigurationView,
  WebhookTypeView,
} from '../../shared/ipc';
import { describeError, request } from '../bridge';
import { useApp } from './appStore';

export interface WebhookInput {
  portInTargetUrl: string | null;
  portOutTargetUrl: string | null;
  notificationsOf: string[];
}

interface WebhookState {
  accountId: string | null;
  view: WebhookConfigurationView | null;
  loading: boolean;
  /** Loading failed (offline, credentials…): shown instead of the form. */
  error: IpcError | null;
  /** A save or delete in flight. */
  busy: null | 'save' | WebhookTypeView;
  /** Reads the account's configuration from Twilio (through main). */
  load(accountId: string): Promise<void>;
  /** Replaces the configuration; the envelope goes back to the form for its field errors. */
  save(input: WebhookInput): Promise<Envelope<WebhookConfigurationView>>;
  remove(type: WebhookTypeView): Promise<void>;
  close(): void;
}

/** The webhook dialog of the Accounts screen: one account's configuration at a time. */
export const useWebhooks = create<WebhookState>()((set, get) => ({
  accountId: null,
  view: null,
  loading: false,
  error: null,
  busy: null,

  async load(accountId) {
    set({ accountId, view: null, loading: true, error: null });
    const result = await request((b) => b.getWebhookConfiguration({ accountId }));
    if (get().accountId !== accountId) return;
    set(
      result.ok ? { view: result.data, loading: false } : { error: result.error, loading: false },
    );
  },

  async save(input) {
    const accountId = get().accountId;
    if (accountId === null) {
      return { ok: false, error: { code: 'internal', message: 'No account is open.' } };
    }
    set({ busy: 'save' });
    const result = await request((b) => b.setWebhookConfiguration({ accountId, ...input }));
    set({ busy: null });
    if (result.ok && get().accountId === accountId) {
      set({ view: result.data });
      useApp.getState().toast('success', 'The webhook configuration was saved at Twilio.');
    }
    return result;
  },

  async remove(type) {
    const accountId = get().accountId;
    if (accountId === null) return;
    set({ busy: type });
    const result = await request((b) => b.deleteWebhookConfiguration({ accountId, type }));
    set({ busy: null });
    const { toast } = useApp.getState();
    const what = type === 'PORT_IN' ? 'port-in' : 'port-out';
    if (!result.ok) {
      toast('danger', `The ${what} webhook was not deleted: ${describeError(result.error)}`);
      return;
    }
    if (get().accountId === accountId) set({ view: result.data });
    toast('info', `The ${what} webhook was deleted at Twilio.`);
  },

  close() {
    set({ accountId: null, view: null, loading: false, error: null, busy: null });
  },
}));
