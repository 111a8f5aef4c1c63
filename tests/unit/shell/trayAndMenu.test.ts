import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { appMenuTemplate, type AppMenuActions } from '../../../main/shell/system/appMenu';
import { trayStatus } from '../../../main/shell/system/trayStatus';
import { SYNC_PHASES, type SyncPhase } from '../../../shared/views';
import { IDLE_SYNC_STATUS } from '../../e2e/harness/fakeCore';

const NOW = '2026-03-03T15:00:00.000Z';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? flatten(item.submenu as MenuItemConstructorOptions[]) : []),
  ]);
}

function actions(): AppMenuActions & Record<string, ReturnType<typeof vi.fn>> {
  return {
    newPortIn: vi.fn(),
    findRequests: vi.fn(),
    syncNow: vi.fn(),
    showRequests: vi.fn(),
    showOutbox: vi.fn(),
    showAccounts: vi.fn(),
    showFeed: vi.fn(),
    showSettings: vi.fn(),
  };
}

describe('the app menu', () => {
  it.each(['linux', 'win32', 'darwin'] as const)(
    'shows the renderer’s shortcuts on %s without registering them, and runs the action on click',
    (platform) => {
      const spy = actions();
      const items = flatten(appMenuTemplate(spy, { platform, development: false }));
      const byAccelerator = new Map(
        items.filter((i) => i.accelerator).map((i) => [i.accelerator, i]),
      );
      const expected: [string, keyof AppMenuActions][] = [
        ['CmdOrCtrl+N', 'newPortIn'],
        ['CmdOrCtrl+F', 'findRequests'],
        ['CmdOrCtrl+R', 'syncNow'],
        ['CmdOrCtrl+1', 'showRequests'],
        ['CmdOrCtrl+2', 'showOutbox'],
        ['CmdOrCtrl+3', 'showAccounts'],
        ['CmdOrCtrl+4', 'showFeed'],
        ['CmdOrCtrl+,', 'showSettings'],
      ];
      for (const [accelerator, action] of expected) {
        const item = byAccelerator.get(accelerator);
        expect(item?.registerAccelerator, accelerator).toBe(false);
        (item?.click as () => void)();
        expect(spy[action]).toHaveBeenCalledOnce();
      }
    },
  );

  it('has no reload or devtools outside development, so Ctrl/Cmd+R only ever syncs', () => {
    const roles = (development: boolean) =>
      flatten(appMenuTemplate(actions(), { platform: 'linux', development })).map((i) => i.role);
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('forceReload');
    expect(roles(true)).toContain('reload');
  });

  it('keeps the platform’s edit roles so copy and paste work in every field', () => {
    for (const platform of ['linux', 'darwin'] as const) {
      const roles = flatten(appMenuTemplate(actions(), { platform, development: false })).map(
        (i) => i.role,
      );
      expect(roles).toContain('editMenu');
    }
  });
});

describe('the tray’s words', () => {
  it('says how many requests need attention and the sync state', () => {
    const synced = { ...IDLE_SYNC_STATUS, phase: 'up_to_date', lastSuccessAt: NOW } as const;
    expect(trayStatus(synced, 3)).toEqual({
      tooltip: 'PortDesk — Up to date · 3 requests need your attention',
      syncLine: 'Up to date',
      attentionLine: '3 requests need your attention',
    });
    expect(trayStatus(null, 1).tooltip).toBe(
      'PortDesk — Starting… · 1 request needs your attention',
    );
    expect(trayStatus({ ...IDLE_SYNC_STATUS, state: 'syncing' }, 0).tooltip).toBe(
      'PortDesk — Syncing… · Nothing needs your attention',
    );
  });

  it('explains offline, errors and failed changes in words', () => {
    expect(trayStatus({ ...IDLE_SYNC_STATUS, state: 'offline', failedOps: 2 }, 0).syncLine).toBe(
      'Offline — will sync when the network is back (2 changes failed to send)',
    );
    expect(
      trayStatus({ ...IDLE_SYNC_STATUS, state: 'unauthorized', message: null }, 0).syncLine,
    ).toMatch(/rejected the credentials/);
    expect(
      trayStatus({ ...IDLE_SYNC_STATUS, state: 'error', message: 'Twilio answered 503' }, 0)
        .syncLine,
    ).toBe('Twilio answered 503');
    expect(trayStatus(IDLE_SYNC_STATUS, 12_345).attentionLine).toBe(
      '12,345 requests need your attention',
    );
  });
});

describe('the tray before and after the first sync', () => {
  it('never says up to date before a clean complete sync, whatever the coarse state says', () => {
    // Before the first cycle the coarse state is `idle`, as after a clean one.
    const before = { ...IDLE_SYNC_STATUS, phase: 'waiting' as const, lastSuccessAt: null };
    expect(trayStatus(before, 0).syncLine).toBe('Waiting for the first sync');
    // An older core without `phase`: idle and never synced is still waiting.
    expect(trayStatus({ ...IDLE_SYNC_STATUS, lastSuccessAt: null }, 0).syncLine).toBe(
      'Waiting for the first sync',
    );
    expect(
      trayStatus({ ...IDLE_SYNC_STATUS, phase: 'up_to_date', lastSuccessAt: null }, 0).syncLine,
    ).toBe('Waiting for the first sync');
  });

  it('says up to date for the up_to_date phase only', () => {
    const words = (phase: SyncPhase) =>
      trayStatus({ ...IDLE_SYNC_STATUS, state: 'idle', phase, lastSuccessAt: NOW }, 0).syncLine;
    const upToDate = SYNC_PHASES.filter((phase) => words(phase).startsWith('Up to date'));
    expect(upToDate).toEqual(['up_to_date']);
    expect(words('catching_up')).toBe('Catching up after an outage…');
    expect(words('paused')).toBe('Offline — will sync when the network is back');
    expect(words('retrying')).toBe('The last sync failed; PortDesk will retry');
  });
});
