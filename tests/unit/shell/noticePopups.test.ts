import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Notice } from '../../../main/core/notify/types';
import { createLogger } from '../../../main/host/log/logger';
import { createFakeCore } from '../../e2e/harness/fakeCore';

interface ShownPopup {
  options: Record<string, unknown>;
  handlers: Map<string, (...args: unknown[]) => void>;
  shown: boolean;
}
const popups = vi.hoisted(() => ({ list: [] as ShownPopup[], supported: true }));
vi.mock('electron', () => ({
  Notification: class {
    static isSupported() {
      return popups.supported;
    }
    readonly record: ShownPopup;
    constructor(options: Record<string, unknown>) {
      this.record = { options, handlers: new Map(), shown: false };
      popups.list.push(this.record);
    }
    on(event: string, handler: (...args: unknown[]) => void) {
      this.record.handlers.set(event, handler);
      return this;
    }
    show() {
      this.record.shown = true;
    }
  },
}));

const { showNoticePopups } = await import('../../../main/shell/system/noticePopups');

const SID = `KW${'c'.repeat(32)}`;
function notice(overrides: Partial<Notice> = {}): Notice {
  return {
    key: `${SID}:events:1-3`,
    kind: 'action_required',
    requestSid: SID,
    accountId: 'acc-1',
    title: 'Acme Inc: 3 numbers rejected',
    body: 'Invalid PIN (2), Invalid address (1). Open the request to fix and resubmit.',
    urgency: 'critical',
    silent: false,
    createdAt: '2026-11-27T05:00:00.000Z',
    target: { screen: 'request', sid: SID, tab: 'numbers' },
    ...overrides,
  };
}

beforeEach(() => {
  popups.list.length = 0;
  popups.supported = true;
});

function setUp() {
  const core = createFakeCore();
  const openTarget = vi.fn();
  const lines: string[] = [];
  const stop = showNoticePopups(core, {
    openTarget,
    log: createLogger((line) => lines.push(line)),
    rememberKeys: 3,
  });
  return { core, openTarget, lines, stop };
}

describe('notices become OS pop-ups', () => {
  it('shows a notice with its words, critical ones as critical and persistent', () => {
    const { core } = setUp();
    core.emitNotice(notice());
    core.emitNotice(notice({ key: 'k2', urgency: 'normal', title: 'Acme Inc: port completed' }));
    expect(popups.list.map((popup) => [popup.options, popup.shown])).toEqual([
      [
        {
          title: 'Acme Inc: 3 numbers rejected',
          body: 'Invalid PIN (2), Invalid address (1). Open the request to fix and resubmit.',
          urgency: 'critical',
          timeoutType: 'never',
          silent: false,
        },
        true,
      ],
      [expect.objectContaining({ urgency: 'normal', timeoutType: 'default' }), true],
    ]);
  });

  it('skips silent notices (quiet hours)', () => {
    const { core } = setUp();
    core.emitNotice(notice({ silent: true }));
    expect(popups.list).toEqual([]);
  });

  it('drops a notice whose key was already shown', () => {
    const { core } = setUp();
    core.emitNotice(notice());
    core.emitNotice(notice());
    expect(popups.list).toHaveLength(1);
  });

  it('opens where the notice points when the pop-up is clicked (the Numbers tab here)', () => {
    const { core, openTarget } = setUp();
    core.emitNotice(notice());
    popups.list[0]?.handlers.get('click')?.();
    expect(openTarget).toHaveBeenCalledWith({ screen: 'request', sid: SID, tab: 'numbers' });
  });

  it('opens the outbox for a send that failed before a request existed', () => {
    const { core, openTarget } = setUp();
    core.emitNotice(
      notice({ key: 'outbox:3:failed:x', requestSid: null, target: { screen: 'outbox' } }),
    );
    popups.list[0]?.handlers.get('click')?.();
    expect(openTarget).toHaveBeenCalledWith({ screen: 'outbox' });
  });

  it('forgets the oldest keys beyond its memory', () => {
    const { core } = setUp();
    for (const key of ['a', 'b', 'c', 'd']) core.emitNotice(notice({ key }));
    core.emitNotice(notice({ key: 'a' }));
    core.emitNotice(notice({ key: 'd' }));
    expect(popups.list.map((popup) => popup.options.title)).toHaveLength(5);
  });

  it('logs instead of failing where the system shows no notifications', () => {
    popups.supported = false;
    const { core, lines } = setUp();
    core.emitNotice(notice());
    expect(popups.list).toEqual([]);
    expect(lines[0]).toContain('this system shows no notifications');
  });

  it('stops when unsubscribed', () => {
    const { core, stop } = setUp();
    stop();
    core.emitNotice(notice());
    expect(popups.list).toEqual([]);
  });
});
