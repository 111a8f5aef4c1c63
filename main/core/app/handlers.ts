import type { InvokeHandlers } from '../../../shared/ipc';
import { IpcCommandError } from '../../../shared/ipc';
import type { SyncStatusView } from '../../../shared/views';
import type { AccountService } from '../accounts/accountService';
import { toAccountView } from '../accounts/accountViews';
import type { DemoProvider } from '../accounts/demoProvider';
import type { PortingUseCases } from '../porting';
import type { Store } from '../store';
import type { SyncEngine } from '../sync/engine';
import type { FeedService } from './feedService';
import type { CoreHost } from './portdeskCore';
import { exportAndWebhookHandlers } from './exportHandlers';
import { withCommandErrors } from './ipcErrors';
import { isAllowedLoaLink } from './loaLink';
import type { SettingsService } from './settingsService';

export interface HandlerDeps {
  store: Store;
  accounts: AccountService;
  demo: DemoProvider;
  porting: PortingUseCases;
  sync: SyncEngine;
  settings: SettingsService;
  feed: FeedService;
  host: CoreHost;
  syncStatus: () => SyncStatusView;
  /** Tells the renderer (and sync) that something it shows changed. */
  onAccountsChanged: () => void;
  onSettingsChanged: () => void;
}

/** One handler per invoke channel of shared/ipc.ts; payloads arrive already parsed. */
export function buildHandlers(deps: HandlerDeps): InvokeHandlers {
  const { accounts, porting, sync, settings, feed } = deps;
  const handlers: InvokeHandlers = {
    listAccounts: async () => accounts.list(),
    addAccount: async (payload) => {
      const view = await accounts.add(payload);
      deps.onAccountsChanged();
      return view;
    },
    renameAccount: async (payload) => {
      const view = accounts.rename(payload);
      deps.onAccountsChanged();
      return view;
    },
    rotateAccountSecret: async (payload) => {
      const view = await accounts.rotateSecret(payload);
      deps.onAccountsChanged();
      return view;
    },
    prepareRemoveAccount: async (payload) => accounts.prepareRemove(payload),
    removeAccount: async (payload) => {
      const result = await accounts.remove(payload);
      deps.onAccountsChanged();
      return result;
    },
    startDemo: async () => {
      const existed = deps.store.accounts.list().some((account) => account.kind === 'simulator');
      const account = await deps.demo.ensureAccount();
      if (!existed) {
        sync.addAccount(account.id);
        deps.onAccountsChanged();
      }
      return toAccountView(account);
    },

    listRequests: (payload) => porting.listRequests(payload),
    getRequestDetail: (payload) => porting.getRequestDetail(payload),
    cancelRequest: (payload) => porting.cancelRequest(payload),
    cancelNumbers: (payload) => porting.cancelNumbers(payload),
    fixAndResubmit: (payload) => porting.fixAndResubmit(payload),
    correctRejectedRequest: (payload) => porting.correctRejectedRequest(payload),
    openLoaLink: async ({ sid }) => {
      const stored = deps.store.requests.getRequest(sid);
      if (!stored) throw new IpcCommandError('not_found', 'That request is not in PortDesk.');
      const url = stored.signatureRequestUrl;
      if (!url) {
        throw new IpcCommandError(
          'not_found',
          'Twilio has not sent an LOA signing link for this request yet.',
        );
      }
      const account = deps.store.accounts.get(stored.accountId);
      const simulatorOrigin =
        account?.kind === 'simulator' ? await deps.demo.simulatorOrigin() : null;
      if (!isAllowedLoaLink(url, { simulatorOrigin })) {
        throw new IpcCommandError(
          'forbidden',
          'PortDesk did not open this LOA link because it does not point to a Twilio website over https. Open the request in the Twilio Console instead.',
        );
      }
      await deps.host.openExternal(url);
      return { opened: true };
    },
    focusRequest: async ({ sid }) => {
      sync.focusRequest(sid);
      return { focused: sid };
    },

    createDraft: (payload) => porting.createDraft(payload),
    updateDraft: (payload) => porting.updateDraft(payload),
    getDraft: (payload) => porting.getDraft(payload),
    listDrafts: () => porting.listDrafts(),
    deleteDraft: (payload) => porting.deleteDraft(payload),
    validateDraft: (payload) => porting.validateDraft(payload),
    submitDraft: (payload) => porting.submitDraft(payload),
    attachBill: (payload) => porting.attachBill(payload),
    removeBill: (payload) => porting.removeBill(payload),
    startPortabilityCheck: (payload) => porting.startPortabilityCheck(payload),
    cancelPortabilityCheck: (payload) => porting.cancelPortabilityCheck(payload),

    listOutbox: () => porting.listOutbox(),
    retryOutboxItem: async (payload) => {
      const view = await porting.retryOutboxItem(payload);
      sync.kickOutbox();
      return view;
    },
    discardOutboxItem: (payload) => porting.discardOutboxItem(payload),
    listOrphanBills: () => porting.listOrphanBills(),

    syncNow: async ({ accountId }) => {
      if (accountId !== undefined) requireAccount(deps.store, accountId, 'accountId');
      // Answer at once with "syncing"; the finished cycle arrives as a sync-status event.
      void sync.syncNow(accountId).catch(() => undefined);
      return deps.syncStatus();
    },
    getSyncStatus: async () => deps.syncStatus(),

    getSettings: async () => settings.get(),
    updateSettings: async (patch) => {
      // A default that names no account would dangle; refuse before anything is stored.
      if (typeof patch.defaultAccountId === 'string') {
        requireAccount(deps.store, patch.defaultAccountId, 'defaultAccountId');
      }
      const view = settings.update(patch);
      deps.onSettingsChanged();
      return view;
    },

    getUpdateOffer: async () => (await deps.host.updates?.currentOffer()) ?? null,
    restartToUpdate: async (payload) =>
      deps.host.updates?.restart(payload) ?? {
        restarting: false,
        reason: 'This copy of PortDesk does not update itself.',
      },

    listNotices: async (query) => feed.list(query),
    getFeedSummary: async () => feed.summary(),
    markNoticesRead: async ({ ids }) => feed.markRead(ids),
    markAllNoticesRead: async (filter) => feed.markAllRead(filter),
    markRequestNoticesRead: async ({ sid }) => feed.markRequestRead(sid),
    getFeedDigest: async () => feed.digest(),
    markFeedSeen: async ({ upToId }) => feed.markSeen(upToId),

    copyToClipboard: async ({ text }) => {
      await deps.host.writeClipboard(text);
      return { copied: true };
    },

    ...exportAndWebhookHandlers(deps),
  };
  return withCommandErrors(handlers);
}

/** Refuses a reference to an account PortDesk does not have (issue 12 item 5). */
function requireAccount(store: Store, accountId: string, field: string): void {
  if (store.accounts.get(accountId)) return;
  const message = 'That account is not in PortDesk. Choose one of the accounts listed in Accounts.';
  throw new IpcCommandError('not_found', message, [{ field, message }]);
}
