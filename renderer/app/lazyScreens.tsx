import { lazy, type ComponentType } from 'react';
import { lazyChunk, preloadLazyChunks } from '../ui/lazyChunk';

/**
 * Screens that are not the first view load on demand: the first paint of the request list
 * parses only the list's code (docs/ui.md, "Bundle"). Each import is a separate chunk; once the
 * list is on screen, `preloadScreens` fetches them while the agent reads, so opening one later
 * does not wait for the network or the parser in practice.
 */

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
 * fallback throttle): opening a preloaded screen waited ~300 ms for nothing. The chunk is a
 * `lazyChunk`, so the idle preload fetches it with the first view's menus and tooltips.
 */
function lazyScreen<M, P>(importer: () => Promise<M>, pick: (module: M) => ComponentType<P>) {
  const chunk = lazyChunk(importer);
  return lazy(() => {
    const module = chunk.get();
    return module
      ? fulfilled({ default: pick(module) })
      : chunk.load().then((m) => ({ default: pick(m) }));
  });
}

/** The first view only of a desk without an account; not preloaded (it is gone for good then). */
export const Onboarding = lazy(() =>
  import('../features/onboarding/Onboarding').then((m) => ({ default: m.Onboarding })),
);

export const RequestDetailScreen = lazyScreen(
  () => import('../features/detail/RequestDetailScreen'),
  (m) => m.RequestDetailScreen,
);
export const NewPortInScreen = lazyScreen(
  () => import('../features/wizard/NewPortInScreen'),
  (m) => m.NewPortInScreen,
);
export const OutboxScreen = lazyScreen(
  () => import('../features/outbox/OutboxScreen'),
  (m) => m.OutboxScreen,
);
export const SettingsScreen = lazyScreen(
  () => import('../features/settings/SettingsScreen'),
  (m) => m.SettingsScreen,
);
export const FeedScreen = lazyScreen(
  () => import('../features/feed/FeedScreen'),
  (m) => m.FeedScreen,
);
export const AccountsScreen = lazyScreen(
  () => import('../features/accounts/AccountsScreen'),
  (m) => m.AccountsScreen,
);
/**
 * The keyboard shortcuts' dialog (react-aria's modal): mounted at its first opening, fetched with
 * the screens when idle, so its code is not in the first view.
 */
export const ShortcutsDialog = lazyScreen(
  () => import('./ShortcutsDialog'),
  (m) => m.ShortcutsDialog,
);

let preloaded = false;

/**
 * Fetches every lazy screen's chunk and the first view's menus and tooltips (ui/lazyChunk.ts)
 * when the browser is idle (once).
 */
export function preloadScreens(): void {
  if (preloaded) return;
  preloaded = true;
  // requestIdleCallback is in every Chromium PortDesk runs in (Electron's, the browser host's).
  window.requestIdleCallback(preloadLazyChunks, { timeout: 2_000 });
}
