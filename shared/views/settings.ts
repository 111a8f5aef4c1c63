// View models: settings (see ./index.ts).

export const NOTIFICATION_KINDS = [
  'loa_waiting',
  'rejected',
  'port_date',
  'completed',
  'canceled',
  'expired',
  'ageing',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type ThemePreference = 'system' | 'light' | 'dark';

export interface QuietHoursView {
  enabled: boolean;
  /** HH:MM, local time. A window may wrap midnight (22:00–07:00). */
  start: string;
  end: string;
}

export interface SettingsView {
  syncCadenceMinutes: number;
  notifications: Record<NotificationKind, boolean>;
  quietHours: QuietHoursView;
  theme: ThemePreference;
  /** "No port date N days after submission" alert threshold. */
  ageingDays: number;
  /** Account preselected in the new port-in wizard. */
  defaultAccountId: string | null;
  /** Check for, download and offer updates (docs/release.md); on by default. */
  autoUpdate: boolean;
}
