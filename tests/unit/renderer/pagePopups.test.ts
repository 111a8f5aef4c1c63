import { describe, expect, it } from 'vitest';
import type { NewNoticeView, NoticeTarget } from '../../../shared/feed';
import {
  createPagePopups,
  type NotificationApi,
  type PopupOptions,
} from '../../../renderer/store/pagePopups';

type Permission = 'default' | 'granted' | 'denied';

interface Raised {
  title: string;
  options: PopupOptions;
  popup: { click(): void; closed: boolean };
}

function fakeNotifications(initial: Permission) {
  const raised: Raised[] = [];
  let asked = 0;
  class FakeNotification {
    static permission: Permission = initial;
    static async requestPermission(): Promise<Permission> {
      asked += 1;
      FakeNotification.permission = 'granted';
      return 'granted';
    }
    private readonly listeners = new Map<string, () => void>();
    closed = false;
    constructor(title: string, options: PopupOptions) {
      raised.push({ title, options, popup: this });
    }
    addEventListener(type: string, listener: () => void) {
      this.listeners.set(type, listener);
    }
    click() {
      this.listeners.get('click')?.();
    }
    close() {
      this.closed = true;
    }
  }
  return {
    api: FakeNotification as unknown as NotificationApi,
    raised,
    asked: () => asked,
  };
}

const notice = (overrides: Partial<NewNoticeView> = {}): NewNoticeView => ({
  id: 1,
  key: 'KW1:events:1-2',
  title: 'Acme Inc: 2 numbers rejected',
  body: 'Invalid PIN (2). Open the request to fix and resubmit.',
  urgency: 'critical',
  silent: false,
  target: { screen: 'request', sid: 'KW1', tab: 'numbers', numberSid: 'PU1' },
  ...overrides,
});

describe('pop-ups raised by the page', () => {
  it('shows nothing until the agent allows it, and asks only when asked to', async () => {
    const fake = fakeNotifications('default');
    const popups = createPagePopups({ notifications: fake.api, focus() {}, open() {} });
    expect(popups.permission()).toBe('default');
    expect(popups.show([notice()])).toBe(0);
    expect(fake.asked()).toBe(0);

    expect(await popups.requestPermission()).toBe('granted');
    expect(await popups.requestPermission()).toBe('granted');
    expect(fake.asked()).toBe(1);
    expect(popups.show([notice()])).toBe(1);
  });

  it('uses the policy’s words, skips silent and already-shown notices', () => {
    const fake = fakeNotifications('granted');
    const popups = createPagePopups({ notifications: fake.api, focus() {}, open() {} });
    popups.show([notice(), notice({ key: 'quiet', silent: true })]);
    popups.show([notice()]);
    expect(fake.raised.map((r) => [r.title, r.options])).toEqual([
      [
        'Acme Inc: 2 numbers rejected',
        {
          body: 'Invalid PIN (2). Open the request to fix and resubmit.',
          tag: 'KW1:events:1-2',
          requireInteraction: true,
        },
      ],
    ]);
  });

  it('brings the page forward and opens the target on click', () => {
    const fake = fakeNotifications('granted');
    const opened: NoticeTarget[] = [];
    let focused = 0;
    const popups = createPagePopups({
      notifications: fake.api,
      focus: () => (focused += 1),
      open: (target) => opened.push(target),
    });
    popups.show([notice()]);
    fake.raised[0]?.popup.click();
    expect(focused).toBe(1);
    expect(opened).toEqual([{ screen: 'request', sid: 'KW1', tab: 'numbers', numberSid: 'PU1' }]);
    expect(fake.raised[0]?.popup.closed).toBe(true);
  });

  it('says so when the browser has no notifications or they are blocked', async () => {
    const none = createPagePopups({ notifications: undefined, focus() {}, open() {} });
    expect(none.permission()).toBe('unsupported');
    expect(await none.requestPermission()).toBe('unsupported');
    expect(none.show([notice()])).toBe(0);
    const blocked = fakeNotifications('denied');
    const popups = createPagePopups({ notifications: blocked.api, focus() {}, open() {} });
    expect(await popups.requestPermission()).toBe('denied');
    expect(popups.show([notice()])).toBe(0);
  });
});
