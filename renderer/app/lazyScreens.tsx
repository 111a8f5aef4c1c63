import { lazy } from 'react';

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

/** The first view only of a desk without an account; not preloaded (it is gone for good then). */
export const Onboarding = lazy(() =>
  import('../features/onboarding/Onboarding').then((m) => ({ default: m.Onboarding })),
);

export const RequestDetailScreen = lazy(() =>
  loaders.detail().then((m) => ({ default: m.RequestDetailScreen })),
);
export const NewPortInScreen = lazy(() =>
  loaders.wizard().then((m) => ({ default: m.NewPortInScreen })),
);
export const OutboxScreen = lazy(() => loaders.outbox().then((m) => ({ default: m.OutboxScreen })));
export const SettingsScreen = lazy(() =>
  loaders.settings().then((m) => ({ default: m.SettingsScreen })),
);
export const FeedScreen = lazy(() => loaders.feed().then((m) => ({ default: m.FeedScreen })));
export const AccountsScreen = lazy(() =>
  loaders.accounts().then((m) => ({ default: m.AccountsScreen })),
);

let preloaded = false;

/** Fetches every lazy screen's chunk when the browser is idle (once). */
export function preloadScreens(): void {
  if (preloaded) return;
  preloaded = true;
  const load = (): void => {
    for (const loader of Object.values(loaders)) void loader().catch(() => undefined);
  };
  // requestIdleCallback is in every Chromium PortDesk runs in (Electron's, the browser host's).
  window.requestIdleCallback(load, { timeout: 2_000 });
}
