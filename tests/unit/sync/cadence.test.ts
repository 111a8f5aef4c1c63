import { describe, expect, it } from 'vitest';
import { afterFetch } from '../../../main/core/sync/cadence';

const settings = { syncCadenceMinutes: 5 };
const now = 10_000_000;
const mid = () => 0.5;

describe('detail fetch cadence', () => {
  it('fetches an open request again on the agent cadence, with jitter within ±10 %', () => {
    const low = afterFetch(
      { status: 'in_progress', terminalFetched: false, openOnScreen: false },
      now,
      settings,
      () => 0,
    );
    const high = afterFetch(
      { status: 'in_progress', terminalFetched: false, openOnScreen: false },
      now,
      settings,
      () => 1,
    );
    expect(low.nextFetchAt).toBe(now + 270_000);
    expect(high.nextFetchAt).toBe(now + 330_000);
  });

  it('fetches the request open on screen every 30 seconds', () => {
    expect(
      afterFetch(
        { status: 'waiting_for_signature', terminalFetched: false, openOnScreen: true },
        now,
        settings,
        mid,
      ),
    ).toEqual({ nextFetchAt: now + 30_000, terminalFetched: false });
  });

  it('fetches a request that just turned terminal once more, then never', () => {
    const first = afterFetch(
      { status: 'completed', terminalFetched: false, openOnScreen: false },
      now,
      settings,
      mid,
    );
    expect(first.terminalFetched).toBe(true);
    expect(first.nextFetchAt).toBe(now + 60_000);
    expect(
      afterFetch(
        { status: 'completed', terminalFetched: true, openOnScreen: true },
        now,
        settings,
        mid,
      ),
    ).toEqual({
      nextFetchAt: null,
      terminalFetched: true,
    });
  });

  it('keeps polling a request whose status it does not recognise', () => {
    expect(
      afterFetch(
        { status: 'unknown', terminalFetched: false, openOnScreen: false },
        now,
        settings,
        mid,
      ).nextFetchAt,
    ).toBe(now + 300_000);
  });
});
