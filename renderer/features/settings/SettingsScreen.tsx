import { useState } from 'react';
import { NumberField, Group, Input, Label, Text, FieldError } from 'react-aria-components';
import type { SettingsPatch } from '../../../shared/ipc';
import { SYNC_CADENCE_CHOICES_MINUTES } from '../../../shared/settings';
import {
  NOTIFICATION_KINDS,
  type NotificationKind,
  type ThemePreference,
} from '../../../shared/views';
import { describeError } from '../../bridge';
import { useApp } from '../../store/appStore';
import { RadioGroup, Switch } from '../../ui/fields';
import { IconAlert } from '../../ui/icons';
import { Screen } from '../../ui/Screen';
import { Select } from '../../ui/Select';
import { LoadingState } from '../../ui/states';

/**
 * Each switch's words, read against the screen: what pops up and when. The ageing switch names
 * the threshold set in the Sync card, which is above it.
 */
function notificationWords(
  kind: NotificationKind,
  ageingDays: number,
): { label: string; description: string } {
  if (kind === 'ageing') {
    return {
      label: `No port date ${ageingDays} ${ageingDays === 1 ? 'day' : 'days'} after submission`,
      description: 'Once per request; the number of days is set under Sync, above.',
    };
  }
  return NOTIFICATION_WORDS[kind];
}

const NOTIFICATION_WORDS: Record<
  Exclude<NotificationKind, 'ageing'>,
  { label: string; description: string }
> = {
  loa_waiting: {
    label: 'LOA waiting for signature',
    description: 'When the LOA goes out to be signed, with reminders as its 30 days run out.',
  },
  rejected: {
    label: 'Number rejected / action required',
    description: 'With the reason in words.',
  },
  port_date: {
    label: 'Port date set or moved',
    description: 'When the carrier confirms or changes the date.',
  },
  completed: { label: 'Port completed', description: 'When numbers are live on Twilio.' },
  canceled: { label: 'Canceled', description: 'When a request or numbers are canceled.' },
  expired: { label: 'Expired', description: 'When a request expires unsigned.' },
};

// 1 minute: the per-account limits (concurrency, Retry-After) keep it within Twilio's (docs/sync.md).
const CADENCES = SYNC_CADENCE_CHOICES_MINUTES.map((minutes) => ({
  value: String(minutes),
  label:
    minutes === 1
      ? 'Every minute'
      : minutes < 60
        ? `Every ${minutes} minutes`
        : minutes === 60
          ? 'Every hour'
          : `Every ${minutes / 60} hours`,
}));

const HOURS = Array.from({ length: 24 }, (_, hour) => ({
  value: `${String(hour).padStart(2, '0')}:00`,
  label: new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit' }).format(
    new Date(2000, 0, 1, hour),
  ),
}));

export function SettingsScreen() {
  const settings = useApp((s) => s.settings);
  const accounts = useApp((s) => s.accounts);
  const updateSettings = useApp((s) => s.updateSettings);
  const toast = useApp((s) => s.toast);
  const [ageingError, setAgeingError] = useState<string | null>(null);

  if (!settings) {
    return (
      <Screen title="Settings">
        <LoadingState label="Loading settings…" />
      </Screen>
    );
  }

  async function save(patch: SettingsPatch) {
    const error = await updateSettings(patch);
    if (error) {
      if (error.fields?.some((f) => f.field === 'ageingDays'))
        setAgeingError(error.fields.find((f) => f.field === 'ageingDays')?.message ?? null);
      toast('danger', `Not saved: ${describeError(error)}`);
    }
  }

  const cadence = CADENCES.some((c) => c.value === String(settings.syncCadenceMinutes))
    ? CADENCES
    : [
        ...CADENCES,
        {
          value: String(settings.syncCadenceMinutes),
          label: `Every ${settings.syncCadenceMinutes} minutes`,
        },
      ];

  return (
    <Screen title="Settings" subtitle="Saved as soon as you change them.">
      <div className="settings stack stack--lg">
        <section className="card" aria-labelledby="appearance-title">
          <div className="card__body stack">
            <h2 id="appearance-title">Appearance</h2>
            <RadioGroup<ThemePreference>
              label="Theme"
              value={settings.theme}
              onChange={(theme) => void save({ theme })}
              options={[
                { value: 'system', label: 'Same as the system' },
                { value: 'light', label: 'Light' },
                { value: 'dark', label: 'Dark' },
              ]}
              inline
            />
          </div>
        </section>

        <section className="card" aria-labelledby="sync-title">
          <div className="card__body stack">
            <h2 id="sync-title">Sync</h2>
            <div className="form-grid form-grid--2">
              <Select
                label="Check Twilio for changes"
                value={String(settings.syncCadenceMinutes)}
                onChange={(value) => void save({ syncCadenceMinutes: Number(value) })}
                options={cadence}
                description="The request open on screen is refreshed more often."
              />
              <NumberField
                className="field"
                value={settings.ageingDays}
                minValue={1}
                maxValue={365}
                onChange={(value) => {
                  if (!Number.isFinite(value)) return;
                  setAgeingError(null);
                  void save({ ageingDays: value });
                }}
                isInvalid={Boolean(ageingError)}
                validationBehavior="aria"
              >
                <Label className="field__label">Days without a port date before a flag</Label>
                <Group className="number-group">
                  <Input className="input" />
                </Group>
                <Text slot="description" className="field__help">
                  Counted from submission. Past it, a request gets the “No port date” flag in
                  Requests, and a pop-up if that switch is on under Pop-up notifications, below.
                </Text>
                <FieldError className="field__error">
                  <IconAlert size={14} />
                  {ageingError}
                </FieldError>
              </NumberField>
            </div>
            {accounts.length > 1 ? (
              <Select
                label="Account for new port-ins"
                value={settings.defaultAccountId ?? accounts[0]?.id ?? null}
                onChange={(defaultAccountId) => void save({ defaultAccountId })}
                options={accounts.map((a) => ({
                  value: a.id,
                  label: a.label,
                  description: a.accountSid,
                }))}
              />
            ) : null}
          </div>
        </section>

        <section className="card" aria-labelledby="notifications-title">
          <div className="card__body stack">
            <h2 id="notifications-title">Pop-up notifications</h2>
            <p className="muted small">
              Which changes pop up on your desktop. Everything stays in each request&apos;s timeline
              either way.
            </p>
            <ul className="switch-list">
              {NOTIFICATION_KINDS.map((kind) => (
                <li key={kind}>
                  <Switch
                    isSelected={settings.notifications[kind]}
                    onChange={(on) => void save({ notifications: { [kind]: on } })}
                  >
                    <span className="stack" style={{ gap: 0 }}>
                      <span>{notificationWords(kind, settings.ageingDays).label}</span>
                      <span className="field__help">
                        {notificationWords(kind, settings.ageingDays).description}
                      </span>
                    </span>
                  </Switch>
                </li>
              ))}
            </ul>
            <div className="quiet-hours stack">
              <Switch
                isSelected={settings.quietHours.enabled}
                onChange={(enabled) => void save({ quietHours: { enabled } })}
              >
                Quiet hours: no pop-ups; changes still reach the timeline, reminders wait until the
                end
              </Switch>
              <div className="form-grid form-grid--2">
                <Select
                  label="From"
                  value={settings.quietHours.start}
                  onChange={(start) => void save({ quietHours: { start } })}
                  options={HOURS}
                  isDisabled={!settings.quietHours.enabled}
                />
                <Select
                  label="Until"
                  value={settings.quietHours.end}
                  onChange={(end) => void save({ quietHours: { end } })}
                  options={HOURS}
                  isDisabled={!settings.quietHours.enabled}
                />
              </div>
            </div>
          </div>
        </section>

        <section className="card" aria-labelledby="updates-title">
          <div className="card__body stack">
            <h2 id="updates-title">Updates</h2>
            <Switch
              isSelected={settings.autoUpdate}
              onChange={(autoUpdate) => void save({ autoUpdate })}
            >
              <span className="stack" style={{ gap: 0 }}>
                <span>Keep PortDesk up to date</span>
                <span className="field__help">
                  Checks for a new version at start and every 6 hours and downloads it in the
                  background; it installs only when you choose “Restart to update”.
                </span>
              </span>
            </Switch>
          </div>
        </section>
      </div>
    </Screen>
  );
}
