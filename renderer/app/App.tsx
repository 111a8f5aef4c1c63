import { Suspense, useEffect, useMemo, useState } from 'react';
import { useApp } from '../store/appStore';
import { subscribeToMain } from '../store/events';
import { useFeed } from '../store/feedStore';
import { useRequests } from '../store/requestsStore';
import { ErrorState, LoadingState } from '../ui/states';
import { DigestLine } from '../features/feed/DigestLine';
import { RequestsScreen } from '../features/requests/RequestsScreen';
import {
  AccountsScreen,
  FeedScreen,
  NewPortInScreen,
  Onboarding,
  OutboxScreen,
  RequestDetailScreen,
  SettingsScreen,
  ShortcutsDialog,
  preloadScreens,
} from './lazyScreens';
import { Sidebar } from './Sidebar';
import { Toasts } from './Toasts';
import { UpdateOffer } from './UpdateOffer';
import { useGlobalShortcuts, type ShortcutHandlers } from './shortcuts';
import { useTheme } from './useTheme';

/**
 * The shell's first data: the list's first page (its facets feed the sidebar badge, whichever
 * screen opens first) and the feed's unread count and "since you last looked" line. Asked for
 * before React booted (store/earlyCalls.ts), so they are in by the time the accounts are or
 * nearly; the shell waits for them and shows once, rows, badge and digest line together (no
 * "Loading requests…" step, no line pushing the rows down a moment later).
 */
async function firstView(): Promise<void> {
  await Promise.all([useRequests.getState().startList(), useFeed.getState().start()]);
}

export function App() {
  const boot = useApp((s) => s.boot);
  const accounts = useApp((s) => s.accounts);
  const settings = useApp((s) => s.settings);
  const route = useApp((s) => s.route);
  const sync = useApp((s) => s.sync);
  const syncRequested = useApp((s) => s.syncRequested);
  const attentionCount = useRequests((s) => s.facets?.needsAttention ?? 0);
  const unreadNotices = useFeed((s) => s.unread);
  const [helpOpen, setHelpOpen] = useState(false);
  // Mounted at the first opening and kept, so closing it plays out as before (lazyScreens.tsx).
  const [helpOpened, setHelpOpened] = useState(false);
  if (helpOpen && !helpOpened) setHelpOpened(true);
  useTheme(settings?.theme ?? 'system');

  useEffect(() => {
    const unsubscribe = subscribeToMain();
    void useApp.getState().start(firstView);
    return unsubscribe;
  }, []);

  const ready = boot.state === 'ready' && accounts.length > 0;
  useEffect(() => {
    // A desk that got its first account after the start (onboarding): what firstView does.
    if (ready && useRequests.getState().generation === 0) void firstView();
    // The other screens' code, fetched while the agent reads the list (lazyScreens.tsx).
    if (ready) preloadScreens();
  }, [ready]);

  const handlers = useMemo<ShortcutHandlers>(
    () => ({
      navigate: (r) => useApp.getState().navigate(r),
      focusSearch: () => useApp.getState().focusSearch(),
      syncNow: () => void useApp.getState().syncNow(),
      showHelp: () => setHelpOpen(true),
    }),
    [],
  );
  useGlobalShortcuts(handlers, ready);

  if (boot.state === 'loading') {
    return (
      <main className="boot">
        <LoadingState label="Opening PortDesk…" />
      </main>
    );
  }
  if (boot.state === 'failed') {
    return (
      <main className="boot">
        <ErrorState
          title="PortDesk could not open its data"
          error={boot.error}
          onRetry={() => void useApp.getState().start(firstView)}
        />
      </main>
    );
  }
  if (accounts.length === 0) {
    return (
      <>
        <Suspense
          fallback={
            <main className="boot">
              <LoadingState label="Opening PortDesk…" />
            </main>
          }
        >
          <Onboarding />
        </Suspense>
        <Toasts />
      </>
    );
  }

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Sidebar
        route={route}
        onNavigate={handlers.navigate}
        sync={sync}
        syncRequested={syncRequested}
        onSyncNow={handlers.syncNow}
        attentionCount={attentionCount}
        unreadNotices={unreadNotices}
        demo={accounts.some((a) => a.kind === 'simulator')}
        onShowShortcuts={() => setHelpOpen(true)}
      />
      <main className="main" id="main">
        <UpdateOffer />
        {route.screen === 'feed' ? null : <DigestLine />}
        <Suspense fallback={<LoadingState label="Opening…" />}>
          <CurrentScreen />
        </Suspense>
      </main>
      {helpOpened ? (
        <Suspense fallback={null}>
          <ShortcutsDialog isOpen={helpOpen} onOpenChange={setHelpOpen} />
        </Suspense>
      ) : null}
      <Toasts />
    </div>
  );
}

function CurrentScreen() {
  const route = useApp((s) => s.route);
  switch (route.screen) {
    case 'requests':
      return <RequestsScreen />;
    case 'request':
      return (
        <RequestDetailScreen
          key={route.sid}
          sid={route.sid}
          tab={route.tab}
          numberSid={route.numberSid}
        />
      );
    case 'feed':
      return <FeedScreen />;
    case 'new-port-in':
      return <NewPortInScreen draftId={route.draftId} />;
    case 'outbox':
      return <OutboxScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'accounts':
      return <AccountsScreen />;
  }
}
