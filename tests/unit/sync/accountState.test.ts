import { describe, expect, it } from 'vitest';
import {
  CATCHING_UP_AFTER_OFFLINE,
  CATCHING_UP_AFTER_OUTAGE,
  initialMachine,
  nextMachine,
  stateOfPhase,
  type AccountSyncMachine,
  type SyncEvent,
} from '../../../main/core/sync/accountState';

const AT = '2026-11-27T10:00:00.000Z';
const LATER = '2026-11-27T10:05:00.000Z';

const started = (full = true): SyncEvent => ({ kind: 'cycle_started', full });
const ended = (
  outcome: Extract<SyncEvent, { kind: 'cycle_ended' }>['outcome'],
  extra: Partial<Extract<SyncEvent, { kind: 'cycle_ended' }>> = {},
): SyncEvent => ({
  kind: 'cycle_ended',
  full: true,
  outcome,
  failures: 0,
  message: outcome === 'ok' ? null : `${outcome} words`,
  at: LATER,
  ...extra,
});

function run(events: SyncEvent[], from: AccountSyncMachine = initialMachine(null)) {
  return events.reduce(nextMachine, from);
}

describe('the per-account sync state machine', () => {
  it('waits, syncs, and is up to date only after a complete clean cycle', () => {
    expect(run([]).phase).toBe('waiting');
    expect(run([started()]).phase).toBe('syncing');
    const done = run([started(), ended('ok')]);
    expect(done).toMatchObject({ phase: 'up_to_date', lastSuccessAt: LATER, outage: null });
  });

  it('is not up to date after a cycle in which a call failed, and keeps the last good time', () => {
    const clean = run([started(), ended('ok', { at: AT })]);
    const partial = run(
      [started(), ended('ok', { failures: 3, message: '3 requests could not be refreshed' })],
      clean,
    );
    expect(partial).toMatchObject({
      phase: 'retrying',
      message: '3 requests could not be refreshed',
      lastSuccessAt: AT,
    });
  });

  it('a cycle without the listing never makes it up to date, even when it succeeds', () => {
    const failed = run([started(), ended('failed')]);
    expect(failed.phase).toBe('retrying');
    const wake = run([started(false), ended('ok', { full: false })], failed);
    expect(wake.phase).toBe('retrying');
    expect(wake.lastSuccessAt).toBeNull();
    // Nor does a clean short cycle turn "syncing" into "up to date" before the full one ends.
    const syncing = run([started()]);
    expect(run([ended('ok', { full: false })], syncing).phase).toBe('syncing');
  });

  it('catches up after a Twilio outage, then is up to date', () => {
    const failed = run([started(), ended('failed')]);
    const catching = run([started()], failed);
    expect(catching).toMatchObject({ phase: 'catching_up', message: CATCHING_UP_AFTER_OUTAGE });
    expect(stateOfPhase(catching.phase)).toBe('syncing');
    expect(run([ended('ok')], catching)).toMatchObject({ phase: 'up_to_date', outage: null });
  });

  it('goes paused while the computer is offline, and catches up when it is back', () => {
    const clean = run([started(), ended('ok')]);
    const paused = run([{ kind: 'host_offline' }], clean);
    expect(paused.phase).toBe('paused');
    expect(stateOfPhase(paused.phase)).toBe('offline');
    // A cycle that was mid-flight ends "paused": still paused.
    expect(run([started(), ended('paused')], paused).phase).toBe('paused');
    const back = run([{ kind: 'resumed' }], paused);
    expect(back).toMatchObject({ phase: 'catching_up', message: CATCHING_UP_AFTER_OFFLINE });
  });

  it('says offline when a cycle found no network', () => {
    const offline = run([started(), ended('offline')]);
    expect(offline).toMatchObject({ phase: 'offline', outage: 'network' });
    expect(run([started()], offline).phase).toBe('catching_up');
  });

  it('stays on refused credentials until they change, whatever else happens', () => {
    const refused = run([started(), ended('unauthorized', { message: 'rotate the secret' })]);
    expect(refused).toMatchObject({ phase: 'unauthorized', message: 'rotate the secret' });
    expect(run([{ kind: 'host_offline' }, { kind: 'resumed' }], refused).phase).toBe(
      'unauthorized',
    );
    const changed = run([{ kind: 'credentials_changed' }], refused);
    expect(changed.phase).toBe('waiting');
    expect(run([started(), ended('ok')], changed).phase).toBe('up_to_date');
  });

  it('an aborted cycle leaves no "syncing" behind and claims nothing', () => {
    const clean = run([started(), ended('ok', { at: AT })]);
    const aborted = run([started(), ended('aborted')], clean);
    expect(aborted).toMatchObject({ phase: 'waiting', lastSuccessAt: AT });
  });

  it('maps every phase onto the coarse state', () => {
    expect(stateOfPhase('up_to_date')).toBe('idle');
    expect(stateOfPhase('retrying')).toBe('error');
    expect(stateOfPhase('offline')).toBe('offline');
    expect(stateOfPhase('unauthorized')).toBe('unauthorized');
    expect(stateOfPhase('waiting')).toBe('idle');
  });
});
