import type { AccountView, OutboxItemView } from '../../../shared/views';

/**
 * When to check for, download and offer an update (docs/release.md, "Updates"). Pure: the clock,
 * the settings, the accounts and the outbox come in as values, so every rule is tested in Node;
 * main/host/updates/updateController.ts applies it and main/shell/system/autoUpdate.ts carries it
 * to electron-updater.
 */

/** A check at start, then every 6 hours (also after a failed check: calm, not insistent). */
export const UPDATE_CHECK_INTERVAL_MS = 6 * 60 * 60 * 1000;

/** An outbox operation due within this long counts as "sending": the restart waits for it. */
export const OUTBOX_DUE_SOON_MS = 60 * 1000;

export interface UpdateEnvironment {
  /** app.isPackaged: a development run (npm start) never updates itself. */
  packaged: boolean;
  /** The agent's setting "Keep PortDesk up to date" (SettingsView.autoUpdate). */
  settingOn: boolean;
  /** Only demo accounts (the built-in simulator): a demo, not a workstation in service. */
  demoMode: boolean;
}

export type UpdatesOffReason = 'development' | 'demo' | 'setting';

/** Why updates are off, or null when they are on. Development wins over the other two. */
export function updatesOffReason(env: UpdateEnvironment): UpdatesOffReason | null {
  if (!env.packaged) return 'development';
  if (env.demoMode) return 'demo';
  if (!env.settingOn) return 'setting';
  return null;
}

/** Demo mode: the simulator's account is there and no real Twilio account is. */
export function isDemoMode(accounts: readonly Pick<AccountView, 'kind'>[]): boolean {
  return (
    accounts.some((account) => account.kind === 'simulator') &&
    !accounts.some((account) => account.kind !== 'simulator')
  );
}

/**
 * The outbox is sending while an operation is being sent (or reconciled), or is queued and due
 * within a minute. Operations waiting for the network, failed or done do not hold an update
 * back (they survive a restart; docs/sync.md), or an offline agent would never be offered one.
 */
export function isOutboxSending(items: readonly OutboxItemView[], now: number): boolean {
  return items.some((item) => {
    // (A create being reconciled with Twilio shows as `sending` in the view.)
    if (item.state === 'sending') return true;
    if (item.state !== 'queued') return false;
    if (item.nextAttemptAt === null) return true;
    const due = Date.parse(item.nextAttemptAt);
    return Number.isNaN(due) || due - now <= OUTBOX_DUE_SOON_MS;
  });
}

export type UpdatePhase = 'idle' | 'checking' | 'downloading' | 'ready';

export interface UpdateState {
  phase: UpdatePhase;
  /** When the last check started (ms since the epoch); null before the first. */
  lastCheckAt: number | null;
  /** The version found (downloading) or downloaded (ready). */
  version: string | null;
}

export const INITIAL_UPDATE_STATE: UpdateState = {
  phase: 'idle',
  lastCheckAt: null,
  version: null,
};

/** What electron-updater reports, in the policy's words. */
export type UpdateEvent =
  | { type: 'check-started'; at: number }
  | { type: 'up-to-date' }
  | { type: 'available'; version: string }
  | { type: 'downloaded'; version: string }
  | { type: 'failed' };

export function nextUpdateState(state: UpdateState, event: UpdateEvent): UpdateState {
  switch (event.type) {
    case 'check-started':
      // A downloaded update stays ready: a check never takes the offer away.
      return state.phase === 'ready'
        ? { ...state, lastCheckAt: event.at }
        : { phase: 'checking', lastCheckAt: event.at, version: null };
    case 'up-to-date':
      return state.phase === 'ready' ? state : { ...state, phase: 'idle', version: null };
    case 'available':
      return state.phase === 'ready'
        ? state
        : { ...state, phase: 'downloading', version: event.version };
    case 'downloaded':
      return { ...state, phase: 'ready', version: event.version };
    case 'failed':
      // A failed check or download is retried at the next 6-hourly check; an update already
      // downloaded stays ready.
      return state.phase === 'ready' ? state : { ...state, phase: 'idle', version: null };
  }
}

export type CheckDecision =
  | { action: 'check' }
  | { action: 'wait'; until: number }
  | { action: 'none'; reason: UpdatesOffReason | 'busy' | 'ready' };

/** Whether to check for an update now, or when next. */
export function decideCheck(
  state: UpdateState,
  env: UpdateEnvironment,
  now: number,
): CheckDecision {
  const off = updatesOffReason(env);
  if (off !== null) return { action: 'none', reason: off };
  if (state.phase === 'checking' || state.phase === 'downloading') {
    return { action: 'none', reason: 'busy' };
  }
  if (state.phase === 'ready') return { action: 'none', reason: 'ready' };
  if (state.lastCheckAt === null) return { action: 'check' };
  const due = state.lastCheckAt + UPDATE_CHECK_INTERVAL_MS;
  return now >= due ? { action: 'check' } : { action: 'wait', until: due };
}

/** Download in the background as soon as an update is found, while updates are on. */
export function shouldDownload(state: UpdateState, env: UpdateEnvironment): boolean {
  return state.phase === 'downloading' && updatesOffReason(env) === null;
}

export interface AgentActivity {
  outboxSending: boolean;
  /** Only the renderer knows; main learns it when the agent asks to restart. */
  unsavedDraft: boolean;
}

/** The version to offer "Restart to update" for, or null: only a downloaded update, only calm. */
export function offerVersion(
  state: UpdateState,
  env: UpdateEnvironment,
  activity: Pick<AgentActivity, 'outboxSending'>,
): string | null {
  if (state.phase !== 'ready' || state.version === null) return null;
  if (updatesOffReason(env) !== null) return null;
  if (activity.outboxSending) return null;
  return state.version;
}

export type RestartDecision = { restart: true } | { restart: false; reason: string };

/** The agent pressed "Restart to update": restart only if nothing would be interrupted. */
export function decideRestart(
  state: UpdateState,
  env: UpdateEnvironment,
  activity: AgentActivity,
): RestartDecision {
  if (state.phase !== 'ready') return { restart: false, reason: 'No update is ready to install.' };
  const off = updatesOffReason(env);
  if (off !== null) {
    return {
      restart: false,
      reason:
        off === 'setting'
          ? 'Updates are turned off in Settings.'
          : 'This copy of PortDesk does not update itself.',
    };
  }
  if (activity.outboxSending) {
    return {
      restart: false,
      reason: 'PortDesk is sending changes to Twilio. Restart when the outbox has finished.',
    };
  }
  if (activity.unsavedDraft) {
    return {
      restart: false,
      reason: 'A draft has changes that are not saved yet. Restart once they are saved.',
    };
  }
  return { restart: true };
}
