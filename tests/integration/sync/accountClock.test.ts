import { describe, expect, it } from 'vitest';
import { saveFetchedWithEvents } from '../../../main/core/sync/requestWriter';
import { aNumber, aRequest } from '../../fixtures/portInBuilders';
import { addAccount, numberSid, requestSid, useTempFolders } from '../store/storeHarness';

const temp = useTempFolders();
const HOUR = 3_600_000;
const NOW = Date.parse('2026-12-05T09:05:00.000Z');

describe('sync keeps its observations tied to the account clock of the moment', () => {
  it('stamps each new event with the offset it was observed with, and moves "changed" by it', () => {
    const store = temp.open();
    const account = addAccount(store);
    const context = {
      accountId: account.id,
      nowMs: NOW,
      source: 'sync' as const,
      openOnScreen: false,
      cadence: { syncCadenceMinutes: 5 },
      random: () => 0.5,
      clockOffsetMs: 12 * HOUR,
    };
    const request = aRequest({
      sid: requestSid(1),
      dateCreated: new Date(NOW + 12 * HOUR).toISOString(),
      phoneNumbers: [aNumber({ sid: numberSid(1), statusUpdatedAt: null })],
    });

    const saved = saveFetchedWithEvents(store, request, context);

    expect(saved.events.length).toBeGreaterThan(0);
    for (const event of saved.events) {
      expect(event.observedAt).toBe(new Date(NOW).toISOString());
      expect(event.detail.clockOffsetMs).toBe(12 * HOUR);
    }
    // Twilio created it at the instant we saw it, on its clock: that is when it last changed.
    expect(store.requests.getRequest(requestSid(1))?.lastChangedAt).toBe(
      new Date(NOW + 12 * HOUR).toISOString(),
    );
  });

  it('adds nothing to the events of an account whose clock agrees with ours', () => {
    const store = temp.open();
    const account = addAccount(store);
    const saved = saveFetchedWithEvents(store, aRequest({ sid: requestSid(2) }), {
      accountId: account.id,
      nowMs: NOW,
      source: 'sync',
      openOnScreen: false,
      cadence: { syncCadenceMinutes: 5 },
      random: () => 0.5,
    });
    for (const event of saved.events) expect(event.detail).not.toHaveProperty('clockOffsetMs');
  });
});
