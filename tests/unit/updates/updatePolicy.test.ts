import { describe, expect, it } from 'vitest';
import {
  INITIAL_UPDATE_STATE,
  UPDATE_CHECK_INTERVAL_MS,
  decideCheck,
  decideRestart,
  isDemoMode,
  isOutboxSending,
  nextUpdateState,
  offerVersion,
  shouldDownload,
  updatesOffReason,
  type UpdateEnvironment,
  type UpdateState,
} from '../../../main/host/updates/updatePolicy';
import type { OutboxItemView } from '../../../shared/views';

const ON: UpdateEnvironment = { packaged: true, settingOn: true, demoMode: false };
const T0 = Date.parse('2026-12-05T09:00:00Z');
const HOUR = 60 * 60 * 1000;
const ready: UpdateState = { phase: 'ready', lastCheckAt: T0, version: '1.2.0' };

function outboxItem(state: OutboxItemView['state'], nextAttemptAt: string | null = null) {
  return {
    id: 1,
    kind: 'create_port_in',
    accountId: 'a1',
    accountLabel: 'Acme',
    state,
    summary: 'Create port-in',
    requestSid: null,
    draftId: null,
    phoneNumbers: [],
    attempts: 0,
    nextAttemptAt,
    lastError: null,
    createdAt: '2026-12-05T08:00:00Z',
    updatedAt: '2026-12-05T08:00:00Z',
  } as OutboxItemView;
}

describe('when updates are on', () => {
  it('is off in development, in demo mode and when the agent turned it off', () => {
    expect(updatesOffReason(ON)).toBeNull();
    expect(updatesOffReason({ ...ON, packaged: false })).toBe('development');
    expect(updatesOffReason({ ...ON, demoMode: true })).toBe('demo');
    expect(updatesOffReason({ ...ON, settingOn: false })).toBe('setting');
    expect(updatesOffReason({ packaged: false, demoMode: true, settingOn: false })).toBe(
      'development',
    );
  });

  it('counts demo mode only while the simulator is the only kind of account', () => {
    expect(isDemoMode([])).toBe(false);
    expect(isDemoMode([{ kind: 'simulator' }])).toBe(true);
    expect(isDemoMode([{ kind: 'simulator' }, { kind: 'twilio' }])).toBe(false);
    expect(isDemoMode([{ kind: 'twilio' }])).toBe(false);
  });
});

describe('checking', () => {
  it('checks at start, then every 6 hours', () => {
    expect(decideCheck(INITIAL_UPDATE_STATE, ON, T0)).toEqual({ action: 'check' });
    const checked = nextUpdateState(
      nextUpdateState(INITIAL_UPDATE_STATE, { type: 'check-started', at: T0 }),
      { type: 'up-to-date' },
    );
    expect(decideCheck(checked, ON, T0 + 5 * HOUR)).toEqual({
      action: 'wait',
      until: T0 + UPDATE_CHECK_INTERVAL_MS,
    });
    expect(decideCheck(checked, ON, T0 + 6 * HOUR)).toEqual({ action: 'check' });
  });

  it('waits 6 hours after a failed check too', () => {
    const failed = nextUpdateState(
      nextUpdateState(INITIAL_UPDATE_STATE, { type: 'check-started', at: T0 }),
      { type: 'failed' },
    );
    expect(failed.phase).toBe('idle');
    expect(decideCheck(failed, ON, T0 + HOUR)).toEqual({ action: 'wait', until: T0 + 6 * HOUR });
  });

  it('never checks while off, while a check or download runs, or with an update ready', () => {
    expect(decideCheck(INITIAL_UPDATE_STATE, { ...ON, packaged: false }, T0)).toEqual({
      action: 'none',
      reason: 'development',
    });
    expect(decideCheck(INITIAL_UPDATE_STATE, { ...ON, demoMode: true }, T0).action).toBe('none');
    expect(decideCheck(INITIAL_UPDATE_STATE, { ...ON, settingOn: false }, T0).action).toBe('none');
    const checking = nextUpdateState(INITIAL_UPDATE_STATE, { type: 'check-started', at: T0 });
    expect(decideCheck(checking, ON, T0 + 7 * HOUR)).toEqual({ action: 'none', reason: 'busy' });
    const downloading = nextUpdateState(checking, { type: 'available', version: '1.2.0' });
    expect(decideCheck(downloading, ON, T0 + 7 * HOUR).action).toBe('none');
    expect(decideCheck(ready, ON, T0 + 7 * HOUR)).toEqual({ action: 'none', reason: 'ready' });
  });
});

describe('downloading', () => {
  it('downloads what a check found, in the background, only while updates are on', () => {
    const found = nextUpdateState(
      nextUpdateState(INITIAL_UPDATE_STATE, { type: 'check-started', at: T0 }),
      { type: 'available', version: '1.2.0' },
    );
    expect(found).toEqual({ phase: 'downloading', lastCheckAt: T0, version: '1.2.0' });
    expect(shouldDownload(found, ON)).toBe(true);
    expect(shouldDownload(found, { ...ON, settingOn: false })).toBe(false);
    expect(shouldDownload(INITIAL_UPDATE_STATE, ON)).toBe(false);
  });

  it('keeps a downloaded update ready through later checks and failures', () => {
    const later = nextUpdateState(ready, { type: 'check-started', at: T0 + 6 * HOUR });
    expect(later).toEqual({ ...ready, lastCheckAt: T0 + 6 * HOUR });
    expect(nextUpdateState(later, { type: 'failed' })).toEqual(later);
    expect(nextUpdateState(later, { type: 'up-to-date' })).toEqual(later);
  });
});

describe('offering "Restart to update"', () => {
  it('offers only a downloaded update', () => {
    expect(offerVersion(ready, ON, { outboxSending: false })).toBe('1.2.0');
    const downloading: UpdateState = { ...ready, phase: 'downloading' };
    expect(offerVersion(downloading, ON, { outboxSending: false })).toBeNull();
  });

  it('does not offer while the outbox is sending, or once updates are turned off', () => {
    expect(offerVersion(ready, ON, { outboxSending: true })).toBeNull();
    expect(offerVersion(ready, { ...ON, settingOn: false }, { outboxSending: false })).toBeNull();
    expect(offerVersion(ready, { ...ON, demoMode: true }, { outboxSending: false })).toBeNull();
  });

  it('restarts only when asked and nothing would be interrupted, and says why not', () => {
    const calm = { outboxSending: false, unsavedDraft: false };
    expect(decideRestart(ready, ON, calm)).toEqual({ restart: true });
    expect(decideRestart(ready, ON, { ...calm, outboxSending: true })).toEqual({
      restart: false,
      reason: expect.stringContaining('sending changes to Twilio'),
    });
    expect(decideRestart(ready, ON, { ...calm, unsavedDraft: true })).toEqual({
      restart: false,
      reason: expect.stringContaining('not saved yet'),
    });
    expect(decideRestart({ ...ready, phase: 'idle' }, ON, calm).restart).toBe(false);
    expect(decideRestart(ready, { ...ON, settingOn: false }, calm)).toEqual({
      restart: false,
      reason: 'Updates are turned off in Settings.',
    });
  });
});

describe('the outbox is sending', () => {
  const now = T0;
  it('while an operation is being sent, or is queued and due within a minute', () => {
    expect(isOutboxSending([], now)).toBe(false);
    expect(isOutboxSending([outboxItem('sending')], now)).toBe(true);
    expect(isOutboxSending([outboxItem('queued')], now)).toBe(true);
    expect(isOutboxSending([outboxItem('queued', new Date(now + 30_000).toISOString())], now)).toBe(
      true,
    );
  });

  it('not for work that waits (backoff, network) or is finished', () => {
    expect(
      isOutboxSending([outboxItem('queued', new Date(now + 10 * 60_000).toISOString())], now),
    ).toBe(false);
    expect(
      isOutboxSending(
        [outboxItem('waiting_for_network'), outboxItem('failed'), outboxItem('done')],
        now,
      ),
    ).toBe(false);
  });
});
