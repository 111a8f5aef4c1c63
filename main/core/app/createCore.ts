import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SyncStatusView } from '../../../shared/views';
import { AccountService } from '../accounts/accountService';
import { createClientProvider } from '../accounts/clientProvider';
import { NO_DEMO } from '../accounts/demoProvider';
import { CONSOLE_LOGGER } from '../log/logger';
import type { Notice } from '../notify/types';
import { createPortingUseCases } from '../porting';
import { ageingClockAt } from '../porting/deps';
import { openStore } from '../store';
import { createSyncEngine, type SyncStatusSnapshot } from '../sync/engine';
import { createVault } from '../vault';
import { EventHub } from './eventHub';
import { ensurePrivateFile, securePrivateFolder } from './dataFolder';
import { FeedService } from './feedService';
import { buildHandlers } from './handlers';
import { NoticeFeed } from './noticeFeed';
import type { CoreOptions, PortdeskCore } from './portdeskCore';
import { SettingsService } from './settingsService';

export const DATABASE_FILE = 'portdesk.sqlite3';
/** How often time-based reminders (LOA expiry, ageing) are looked for. */
const REMINDER_CHECK_MS = 15 * 60_000;

/**
 * The composition root of the core: opens the database and the keychain, takes demo mode from
 * its caller (main/demo composes it in), builds the sync engine and the porting use cases, and exposes one handler per IPC
 * channel. Hosts (Electron shell, browser host, tests) only carry bytes and show pop-ups.
 */
export async function createCore(options: CoreOptions): Promise<PortdeskCore> {
  const now = options.now ?? Date.now;
  const timeZone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  // The data folder 0700 and the database 0600 before SQLite creates anything (docs/security.md).
  securePrivateFolder(options.dataDir);
  ensurePrivateFile(join(options.dataDir, DATABASE_FILE));

  const store = openStore({
    file: join(options.dataDir, DATABASE_FILE),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  // -wal and -shm from an earlier, looser launch.
  securePrivateFolder(options.dataDir);
  const vault = createVault(options.keychainService ? { service: options.keychainService } : {});
  const logger = options.logger ?? CONSOLE_LOGGER;
  // Demo mode is composed in from outside (main/demo); without it "Explore" says it is missing.
  const demo = options.demo?.({ store, vault, dataDir: options.dataDir, logger }) ?? NO_DEMO;
  const events = new EventHub((error) => logger.error('core: an event listener failed', error));
  const clients = createClientProvider({
    store,
    vault,
    endpointsFor: (account) => demo.endpointsFor(account),
    demoSecretFor: (account) => demo.secretFor(account),
    // Offsets are learned against the clock every rule here counts from (one clock): an offset
    // taken on another clock would shift every account-clock date by the difference.
    now,
    clientOptions: { now },
    // Account views carry the clock offset the wizard's date rules count from.
    onClockOffsetChanged: () =>
      events.emit('onDataChanged', { kinds: ['accounts'], requestSids: [], draftIds: [] }),
  });
  const settings = new SettingsService(store);
  const noticeListeners = new Set<(notice: Notice) => void>();

  const accountLabels = (): Map<string, string> =>
    new Map(store.accounts.list().map((account) => [account.id, account.label]));
  const toSyncStatusView = (snapshot: SyncStatusSnapshot): SyncStatusView => {
    const labels = accountLabels();
    return {
      ...snapshot,
      accounts: snapshot.accounts.map((account) => ({
        ...account,
        label: labels.get(account.accountId) ?? account.accountId,
      })),
    };
  };

  const feed = new FeedService({
    store,
    now,
    popups: options.popups ?? 'os',
    onChanged: (change) => events.emit('onNoticesChanged', change),
  });
  const notices = new NoticeFeed({
    store,
    settings: () => settings.get(),
    timeZone,
    now,
    // The clocks the porting views count from, so pop-ups and the list agree on the days.
    clocks: clients,
    emit: (notice) => {
      for (const listener of noticeListeners) listener(notice);
    },
    onRecorded: (recorded) => feed.recorded(recorded),
    onError: (error) => logger.error('core: a notice was not recorded in the feed', error),
  });

  const sync = createSyncEngine({
    store,
    clients,
    now,
    settings: () => settings.get(),
    readDocumentBytes: async (path) => new Uint8Array(await readFile(path)),
    onCycle: (cycle) => {
      notices.afterSyncCycle(cycle);
      events.emit('onDataChanged', {
        kinds: ['requests'],
        // More than a screenful changed: "any may have changed" (empty list) is cheaper to send.
        requestSids: cycle.changedRequestSids.length > 1000 ? [] : cycle.changedRequestSids,
        draftIds: [],
      });
    },
    onStatus: (snapshot) => events.emit('onSyncStatus', toSyncStatusView(snapshot)),
    onOutboxChanged: (change) => {
      events.emit('onDataChanged', {
        kinds:
          change.draftIds.length > 0 ? ['outbox', 'drafts', 'requests'] : ['outbox', 'requests'],
        requestSids: change.requestSids.slice(0, 1000),
        draftIds: change.draftIds.slice(0, 1000),
      });
      // A send that gave up is news for the feed (and a pop-up).
      notices.afterOutboxChange(change);
    },
    ...(options.syncTiming ? { timing: options.syncTiming } : {}),
    onError: (error) => logger.error('sync: unexpected failure', error),
    onLog: (line) => logger.info(`sync: ${line}`),
  });

  const porting = createPortingUseCases({
    store,
    clients,
    dataDir: options.dataDir,
    now,
    kickOutbox: () => sync.kickOutbox(),
    emit: (event, payload) => events.emit(event, payload),
    // The sync engine's word: the host's signal, corrected when a probe reaches Twilio anyway.
    isOnline: () => sync.isOnline(),
    ageingDays: () => settings.get().ageingDays,
  });

  const accounts = new AccountService({
    store,
    vault,
    clients,
    now,
    onAccountAdded: (accountId) => sync.addAccount(accountId),
    onAccountRemoved: (accountId) => sync.removeAccount(accountId),
    onCredentialsChanged: (accountId) => sync.credentialsChanged(accountId),
    ...(options.twilioEndpoints ? { endpoints: options.twilioEndpoints } : {}),
  });

  const handlers = buildHandlers({
    store,
    accounts,
    demo,
    porting,
    sync,
    settings,
    feed,
    host: options.host,
    syncStatus: () => toSyncStatusView(sync.status()),
    onAccountsChanged: () =>
      events.emit('onDataChanged', {
        kinds: ['accounts', 'requests'],
        requestSids: [],
        draftIds: [],
      }),
    onSettingsChanged: () =>
      events.emit('onDataChanged', { kinds: ['settings'], requestSids: [], draftIds: [] }),
  });

  let started = false;
  let closed = false;
  let reminderTimer: ReturnType<typeof setInterval> | null = null;
  const checkReminders = (): void => {
    try {
      notices.checkReminders();
      notices.prune();
    } catch (error) {
      logger.error('core: the reminder check failed', error);
    }
  };

  return {
    handlers,
    on: (event, listener) => events.on(event, listener),
    onNotice(listener) {
      noticeListeners.add(listener);
      return () => noticeListeners.delete(listener);
    },
    networkChanged(isOnline) {
      sync.networkChanged(isOnline);
    },
    resumedFromSleep() {
      sync.resumedFromSleep();
      checkReminders();
    },
    syncNow: (accountId) => sync.syncNow(accountId),
    attentionCount() {
      // The list's count: each request ages by its account's clock (porting/deps.ts).
      return store.requests.counts({
        ageing: ageingClockAt({ store, clients }, now(), settings.get().ageingDays),
      }).needsAttention;
    },
    async start() {
      if (started || closed) return;
      started = true;
      sync.start();
      checkReminders();
      reminderTimer = setInterval(checkReminders, REMINDER_CHECK_MS);
      reminderTimer.unref();
    },
    async close() {
      if (closed) return;
      closed = true;
      if (reminderTimer) clearInterval(reminderTimer);
      await porting.close();
      await sync.stop();
      await clients.closeAll();
      await demo.close();
      store.close();
    },
  };
}
