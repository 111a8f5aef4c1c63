import { z } from 'zod';
import type { SettingsPatch } from '../../../shared/ipc';
import {
  AgeingDaysSchema,
  APP_SETTINGS_KEY,
  DEFAULT_AGEING_DAYS,
  SyncCadenceMinutesSchema,
} from '../../../shared/settings';
import { NOTIFICATION_KINDS, type SettingsView } from '../../../shared/views';
import { DEFAULT_SYNC_CADENCE_MINUTES } from '../sync/cadence';
import type { Store } from '../store';

export const DEFAULT_SETTINGS: SettingsView = {
  syncCadenceMinutes: DEFAULT_SYNC_CADENCE_MINUTES,
  notifications: Object.fromEntries(
    NOTIFICATION_KINDS.map((kind) => [kind, true]),
  ) as SettingsView['notifications'],
  quietHours: { enabled: false, start: '21:00', end: '07:00' },
  theme: 'system',
  ageingDays: DEFAULT_AGEING_DAYS,
  defaultAccountId: null,
  autoUpdate: true,
};

// Stored settings are read leniently: a field an older version wrote in another shape falls back
// to its default instead of discarding the agent's other choices.
const storedSettings = z
  .object({
    syncCadenceMinutes: SyncCadenceMinutesSchema.catch(DEFAULT_SETTINGS.syncCadenceMinutes),
    notifications: z
      .object(Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, z.boolean().catch(true)])))
      .catch(DEFAULT_SETTINGS.notifications),
    quietHours: z
      .object({
        enabled: z.boolean(),
        start: z.string().regex(/^\d{2}:\d{2}$/),
        end: z.string().regex(/^\d{2}:\d{2}$/),
      })
      .catch(DEFAULT_SETTINGS.quietHours),
    theme: z.enum(['system', 'light', 'dark']).catch('system'),
    ageingDays: AgeingDaysSchema.catch(DEFAULT_SETTINGS.ageingDays),
    defaultAccountId: z.string().nullable().catch(null),
    autoUpdate: z.boolean().catch(true),
  })
  .partial();

export class SettingsService {
  constructor(private readonly store: Store) {}

  get(): SettingsView {
    const stored = this.store.settings.get(APP_SETTINGS_KEY, {});
    const parsed = storedSettings.safeParse(stored);
    const values = parsed.success ? parsed.data : {};
    return {
      ...DEFAULT_SETTINGS,
      ...values,
      notifications: { ...DEFAULT_SETTINGS.notifications, ...(values.notifications ?? {}) },
      quietHours: { ...DEFAULT_SETTINGS.quietHours, ...(values.quietHours ?? {}) },
    } as SettingsView;
  }

  /** Merges a validated patch (notifications and quiet hours merge key by key). */
  update(patch: SettingsPatch): SettingsView {
    const current = this.get();
    const next: SettingsView = {
      ...current,
      ...(patch.syncCadenceMinutes !== undefined
        ? { syncCadenceMinutes: patch.syncCadenceMinutes }
        : {}),
      ...(patch.theme !== undefined ? { theme: patch.theme } : {}),
      ...(patch.ageingDays !== undefined ? { ageingDays: patch.ageingDays } : {}),
      ...(patch.defaultAccountId !== undefined ? { defaultAccountId: patch.defaultAccountId } : {}),
      ...(patch.autoUpdate !== undefined ? { autoUpdate: patch.autoUpdate } : {}),
      notifications: { ...current.notifications, ...patch.notifications },
      quietHours: { ...current.quietHours, ...patch.quietHours },
    };
    this.store.settings.set(
      APP_SETTINGS_KEY,
      next as unknown as Parameters<Store['settings']['set']>[1],
    );
    return next;
  }
}
