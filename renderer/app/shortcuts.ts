import { useEffect } from 'react';
import type { Route } from '../store/appStore';

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
export const MOD_LABEL = isMac ? '⌘' : 'Ctrl';

export type ShortcutId =
  | 'new-port-in'
  | 'search'
  | 'sync'
  | 'help'
  | 'go-requests'
  | 'go-outbox'
  | 'go-accounts'
  | 'go-feed'
  | 'go-settings';

export interface Shortcut {
  id: ShortcutId;
  label: string;
  /** What to show, e.g. ['Ctrl', 'N']; `alternatives` are other ways to the same command. */
  keys: readonly string[];
  alternatives?: readonly (readonly string[])[];
}

/**
 * The app's keyboard shortcuts. The Electron menu uses the same accelerators and, when it
 * handles one itself, sends `onNavigate` so both paths end in the same place (docs/ui.md).
 */
export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'new-port-in', label: 'New port-in request', keys: [MOD_LABEL, 'N'] },
  { id: 'search', label: 'Search requests', keys: [MOD_LABEL, 'F'], alternatives: [['/']] },
  { id: 'sync', label: 'Sync now', keys: [MOD_LABEL, 'R'], alternatives: [['F5']] },
  { id: 'go-requests', label: 'Go to Requests', keys: [MOD_LABEL, '1'] },
  { id: 'go-outbox', label: 'Go to Outbox', keys: [MOD_LABEL, '2'] },
  { id: 'go-accounts', label: 'Go to Accounts', keys: [MOD_LABEL, '3'] },
  { id: 'go-feed', label: 'Go to Activity', keys: [MOD_LABEL, '4'] },
  { id: 'go-settings', label: 'Go to Settings', keys: [MOD_LABEL, ','] },
  { id: 'help', label: 'Show keyboard shortcuts', keys: ['?'] },
];

export function shortcutKeys(id: ShortcutId): readonly string[] {
  return SHORTCUTS.find((s) => s.id === id)?.keys ?? [];
}

export function shortcutHint(id: ShortcutId): string {
  return shortcutKeys(id).join(isMac ? '' : '+');
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    target.getAttribute('role') === 'textbox' ||
    target.getAttribute('role') === 'spinbutton'
  );
}

/** Which command a key press means, or null. Plain-key shortcuts never fire while typing. */
export function commandForKey(event: KeyboardEvent): ShortcutId | null {
  const mod = isMac ? event.metaKey : event.ctrlKey;
  const key = event.key.toLowerCase();
  if (mod && !event.altKey && !event.shiftKey) {
    if (key === 'n') return 'new-port-in';
    if (key === 'f') return 'search';
    if (key === 'r') return 'sync';
    if (key === '1') return 'go-requests';
    if (key === '2') return 'go-outbox';
    if (key === '3') return 'go-accounts';
    if (key === '4') return 'go-feed';
    if (key === ',') return 'go-settings';
  }
  if (event.key === 'F5' && !mod) return 'sync';
  if (!mod && !event.altKey && !isTyping(event.target)) {
    if (event.key === '/') return 'search';
    if (event.key === '?') return 'help';
  }
  return null;
}

export interface ShortcutHandlers {
  navigate(route: Route): void;
  focusSearch(): void;
  syncNow(): void;
  showHelp(): void;
}

export function useGlobalShortcuts(handlers: ShortcutHandlers, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      // A modal dialog owns the keyboard while it is open.
      if (document.querySelector('[role="dialog"][aria-modal="true"], .modal-overlay')) return;
      const command = commandForKey(event);
      if (!command) return;
      event.preventDefault();
      switch (command) {
        case 'new-port-in':
          handlers.navigate({ screen: 'new-port-in' });
          break;
        case 'search':
          handlers.focusSearch();
          break;
        case 'sync':
          handlers.syncNow();
          break;
        case 'help':
          handlers.showHelp();
          break;
        case 'go-requests':
          handlers.navigate({ screen: 'requests' });
          break;
        case 'go-outbox':
          handlers.navigate({ screen: 'outbox' });
          break;
        case 'go-accounts':
          handlers.navigate({ screen: 'accounts' });
          break;
        case 'go-feed':
          handlers.navigate({ screen: 'feed' });
          break;
        case 'go-settings':
          handlers.navigate({ screen: 'settings' });
          break;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [handlers, enabled]);
}
