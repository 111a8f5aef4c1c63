import { describe, expect, it } from 'vitest';
import { SettingsService } from '../../../main/core/app/settingsService';
import type { Store } from '../../../main/core/store';
import { SettingsPatchSchema } from '../../../shared/ipc';

/** The settings table, as a map: enough for the service's get/merge/set. */
function memoryStore(initial: Record<string, unknown> = {}): Store {
  const rows = new Map<string, unknown>(Object.entries(initial));
  return {
    settings: {
      get: (key: string, fallback: unknown) => (rows.has(key) ? rows.get(key) : fallback),
      set: (key: string, value: unknown) => void rows.set(key, value),
    },
  } as unknown as Store;
}

describe('the "Keep PortDesk up to date" setting', () => {
  it('is on by default, also for settings saved before it existed', () => {
    expect(new SettingsService(memoryStore()).get().autoUpdate).toBe(true);
    const older = memoryStore({ 'app.settings': { ageingDays: 20 } });
    expect(new SettingsService(older).get()).toMatchObject({ ageingDays: 20, autoUpdate: true });
  });

  it('can be turned off and stays off, without touching the other settings', () => {
    const store = memoryStore({ 'app.settings': { ageingDays: 20 } });
    const service = new SettingsService(store);
    const patch = SettingsPatchSchema.parse({ autoUpdate: false });
    expect(service.update(patch)).toMatchObject({ autoUpdate: false, ageingDays: 20 });
    expect(new SettingsService(store).get().autoUpdate).toBe(false);
  });

  it('refuses a value that is not a boolean, naming the field', () => {
    const result = SettingsPatchSchema.safeParse({ autoUpdate: 'yes' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['autoUpdate']);
  });
});
