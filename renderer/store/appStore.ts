import { create } from 'zustand';
import type { IpcError, SettingsPatch } from '../../shared/ipc';
import type { AccountView, NavigateView, SettingsView, SyncStatusView } from '../../shared/views';
import { describeError, request } from '../bridge';
import { dropEarlyCalls, takeEarly } from './earlyCalls';

export type Route =
  | { screen: 'requests' }
  /** `tab`/`numberSid`: opened from a notice about numbers (the Numbers tab, on one number). */
  | { screen: 'request'; sid: string; tab?: 'numbers'; numberSid?: string }
  | { screen: 'feed' }
  | { screen: 'new-port-in'; draftId?: number }
  | { screen: 'outbox' }
  | { screen: 'settings' }
  | { screen: 'accounts' };

export interface Toast {
  id: number;
  tone: 'info' | 'success' | 'danger';
  message: string;
}

type Boot = { state: 'loading' } | { state: 'ready' } | { state: 'failed'; error: IpcError };

interface AppState {
  boot: Boot;
  accounts: AccountView[];
  settings: SettingsView | null;
  sync: SyncStatusView | null;
  syncRequested: boolean;
  route: Route;
  /** The route to go back to from a detail screen. */
  previousRoute: Route | null;
  /** Bumped to ask the requests screen to focus its search box. */
  searchFocusRequest: number;
  toasts: Toast[];

  /**
   * Opens the desk: accounts, settings, sync status; then, with an account, `firstView` (the
   * shell's first data, asked for with these before React booted) before the shell shows, so it
   * shows once, complete.
   */
  start(firstView?: () => Promise<void>): Promise<void>;
  navigate(route: Route): void;
  goBack(): void;
  applyNavigateEvent(event: NavigateView): void;
  focusSearch(): void;
  loadAccounts(): Promise<void>;
  /** Starts demo mode (the built-in simulator) and opens its requests; main's refusal if not. */
  startDemo(): Promise<IpcError | null>;
  loadSettings(): Promise<void>;
  updateSettings(patch: SettingsPatch): Promise<IpcError | null>;
  setSync(status: SyncStatusView): void;
  syncNow(): Promise<void>;
  toast(tone: Toast['tone'], message: string): void;
  dismissToast(id: number): void;
}

let nextToastId = 1;

export const useApp = create<AppState>()((set, get) => ({
  boot: { state: 'loading' },
  accounts: [],
  settings: null,
  sync: null,
  syncRequested: false,
  route: { screen: 'requests' },
  previousRoute: null,
  searchFocusRequest: 0,
  toasts: [],

  async start(firstView) {
    set({ boot: { state: 'loading' } });
    const [accounts, settings, sync] = await Promise.all([
      takeEarly('accounts') ?? request((b) => b.listAccounts()),
      takeEarly('settings') ?? request((b) => b.getSettings()),
      takeEarly('sync') ?? request((b) => b.getSyncStatus()),
    ]);
    // Without an account (or the accounts) the list's early first page is never asked for.
    if (!accounts.ok || accounts.data.length === 0) dropEarlyCalls();
    if (!accounts.ok) {
      set({ boot: { state: 'failed', error: accounts.error } });
      return;
    }
    if (accounts.data.length > 0) await firstView?.();
    set({
      accounts: accounts.data,
      settings: settings.ok ? settings.data : null,
      sync: sync.ok ? sync.data : null,
      boot: { state: 'ready' },
    });
  },

  navigate(route) {
    const current = get().route;
    if (JSON.stringify(current) === JSON.stringify(route)) return;
    set({ route, previousRoute: current.screen === 'request' ? get().previousRoute : current });
  },

  goBack() {
    set({ route: get().previousRoute ?? { screen: 'requests' }, previousRoute: null });
  },

  applyNavigateEvent(event) {
    switch (event.screen) {
      case 'request':
        get().navigate(event);
        return;
      case 'requests':
        get().navigate({ screen: 'requests' });
        if (event.focusSearch) get().focusSearch();
        return;
      default:
        get().navigate({ screen: event.screen });
    }
  },

  focusSearch() {
    if (get().route.screen !== 'requests') get().navigate({ screen: 'requests' });
    set((s) => ({ searchFocusRequest: s.searchFocusRequest + 1 }));
  },

  async loadAccounts() {
    const result = await request((b) => b.listAccounts());
    if (result.ok) set({ accounts: result.data });
  },

  async startDemo() {
    const result = await request((b) => b.startDemo());
    if (!result.ok) return result.error;
    await get().loadAccounts();
    get().navigate({ screen: 'requests' });
    get().toast('success', 'Demo mode is on: the built-in simulator is running on this computer.');
    return null;
  },

  async loadSettings() {
    const result = await request((b) => b.getSettings());
    if (result.ok) set({ settings: result.data });
  },

  async updateSettings(patch) {
    // Shown at once (a switch must not lag behind the click), put back if main refuses it.
    const before = get().settings;
    if (before) {
      set({
        settings: {
          ...before,
          ...patch,
          notifications: { ...before.notifications, ...patch.notifications },
          quietHours: { ...before.quietHours, ...patch.quietHours },
        },
      });
    }
    const result = await request((b) => b.updateSettings(patch));
    if (!result.ok) {
      set({ settings: before });
      return result.error;
    }
    set({ settings: result.data });
    return null;
  },

  setSync(status) {
    set({ sync: status });
  },

  async syncNow() {
    if (get().syncRequested) return;
    set({ syncRequested: true });
    const result = await request((b) => b.syncNow());
    set({ syncRequested: false });
    if (result.ok) set({ sync: result.data });
    else get().toast('danger', `Sync did not start: ${describeError(result.error)}`);
  },

  toast(tone, message) {
    const id = nextToastId++;
    set((s) => ({ toasts: [...s.toasts.slice(-3), { id, tone, message }] }));
    window.setTimeout(() => get().dismissToast(id), tone === 'danger' ? 9000 : 5000);
  },

  dismissToast(id) {
    set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
  },
}));
