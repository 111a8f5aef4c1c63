import { lazy, type ComponentType } from 'react';
import { preloadLazyChunks } from '../ui/lazyChunk';

/**
 * Screens that are not the first view load on demand: the first paint of the request list
 * parses only the list's code (docs/ui.md, "Bundle"). Each import is a separate chunk; once the
 * list is on screen, `preloadScreens` fetches them while the agent reads, so opening one later
 * does not wait for the network or the parser in practice.
 */
const loaders = {
  detail: () => import('../features/detail/RequestDetailScreen'),
  wizard: () => import('../features/wizard/NewPortInScreen'),
  outbox: () => import('../features/outbox/OutboxScreen'),
  settings: () => import('../features/settings/SettingsScreen'),
  accounts: () => import('../features/accounts/AccountsScreen'),
  feed: () => import('../features/feed/FeedScreen'),
};

type Screens = typeof loaders;
type Loaded<K extends keyof Screens> = Awaited<ReturnType<Screens[K]>>;
/** Modules already imported, by screen (filled by the preload or a first open). */
const loaded: Partial<Record<keyof Screens, unknown>> = {};

function load<K extends keyof Screens>(key: K): Promise<Loaded<K>> {
  return loaders[key]().then((module) => {
    loaded[key] = module;
    return module as Loaded<K>;
  });
}

/**
 * A promise-like already fulfilled: React.lazy calls `then` once and, when the callback runs
 * at once, renders the component in the same pass instead of suspending.
 */
function fulfilled<T>(value: T): Promise<T> {
  const thenable = {
    status: 'fulfilled',
    value,
    then: (resolve: (v: T) => void) => resolve(value),
  };
  return thenable as unknown as Promise<T>;
}

/**
 * React.lazy that does not suspend once the chunk is in. A lazy component suspends on its first
 * render even when the module has already been fetched (its factory returns a promise), and
 * React then holds the screen behind the "Opening…" fallback for at least 300 ms (its Suspense
 * fallback throttle): opening a preloaded screen waited ~300 ms for nothing.
 */
function lazyScreen<K extends keyof Screens, P>(
  key: K,
  pick: (module: Loaded<K>) => ComponentType<P>,
) {
  return lazy(() => {
    const module = loaded[key] as Loaded<K> | undefined;
    return module
      ? fulfilled({ default: pick(module) })
      : load(key).then((m) => ({ default: pick(m) }));
  });
}

/**
 * The keyboard shortcuts' dialog (react-aria's modal): mounted at its first opening, fetched with
 * the screens when idle, so its code is not in the first view.
 */
export const ShortcutsDialog = lazy(() =>
  import('./ShortcutsDialog').then((m) => ({ default: m.ShortcutsDialog })),
);

/** The first view only of a desk without an account; not preloaded (it is gone for good then). */
export const Onboarding = lazy(() =>
  import('../features/onboarding/Onboarding').then((m) => ({ default: m.Onboarding })),
);

export const RequestDetailScreen = lazyScreen('detail', (m) => m.RequestDetailScreen);
export const NewPortInScreen = lazyScreen('wizard', (m) => m.NewPortInScreen);
export const OutboxScreen = lazyScreen('outbox', (m) => m.OutboxScreen);
export const SettingsScreen = lazyScreen('settings', (m) => m.SettingsScreen);
export const FeedScreen = lazyScreen('feed', (m) => m.FeedScreen);
export const AccountsScreen = lazyScreen('accounts', (m) => m.AccountsScreen);

let preloaded = false;

/** Fetches every lazy screen's chunk, and the first view's menus and tooltips (ui/lazyChunk.ts),
 * when the browser is idle (once). */
export function preloadScreens(): void {
  if (preloaded) return;
  preloaded = true;
  const preload = (): void => {
    // The first view's own lazy parts first: the agent reaches for a menu before a screen.
    preloadLazyChunks();
    void import('./ShortcutsDialog').catch(() => undefined);
    for (const key of Object.keys(loaders) as (keyof Screens)[]) {
      void load(key).catch(() => undefined);
    }
  };
  // requestIdleCallback is in every Chromium PortDesk runs in (Electron's, the browser host's).
  window.requestIdleCallback(preload, { timeout: 2_000 });
}
