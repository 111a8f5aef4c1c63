import type { NewNoticeView, NoticeTarget } from '../../shared/feed';

/** The page's Web Notifications permission, or 'unsupported' where the API is missing. */
export type PopupPermission = 'default' | 'granted' | 'denied' | 'unsupported';

type BrowserPermission = 'default' | 'granted' | 'denied';

export interface PopupOptions {
  body: string;
  tag: string;
  requireInteraction: boolean;
}

/** One raised notification: the part of `Notification` used here. */
export interface PagePopup {
  addEventListener(type: 'click' | 'close', listener: () => void): void;
  close(): void;
}

/**
 * The slice of the Web Notifications API used here (`window.Notification` fits it), typed
 * locally so tests can hand in a fake without a DOM.
 */
export interface NotificationApi {
  readonly permission: BrowserPermission;
  requestPermission(): Promise<BrowserPermission>;
  new (title: string, options: PopupOptions): PagePopup;
}

export interface PagePopupDeps {
  notifications: NotificationApi | undefined;
  /** Brings this page to the front (window.focus). */
  focus(): void;
  /** Opens where the notice points (the app store's navigation). */
  open(target: NoticeTarget): void;
}

/** Keys remembered so a notice pushed twice (a reconnect) pops up once. */
const REMEMBERED_KEYS = 1000;

/**
 * Pop-ups raised by the page itself (the browser host, where no Electron shows them): the notify
 * policy's words as they arrived in `onNoticesChanged`, nothing reworded. Shown only after the
 * agent allowed them from the button in the feed, never asked on load; silent (quiet-hours)
 * notices are not popped up. A click brings the page forward and opens the notice's target.
 */
export function createPagePopups(deps: PagePopupDeps) {
  const shown = new Set<string>();
  // The browser drops a Notification nobody references, and its click handler with it.
  const onScreen = new Set<PagePopup>();

  function permission(): PopupPermission {
    return deps.notifications ? deps.notifications.permission : 'unsupported';
  }

  return {
    permission,

    /** Asks once, from the agent's click; answers what the browser decided. */
    async requestPermission(): Promise<PopupPermission> {
      if (!deps.notifications) return 'unsupported';
      if (deps.notifications.permission !== 'default') return deps.notifications.permission;
      return deps.notifications.requestPermission();
    },

    show(added: readonly NewNoticeView[]): number {
      const Api = deps.notifications;
      if (!Api || Api.permission !== 'granted') return 0;
      let count = 0;
      for (const notice of added) {
        if (notice.silent || shown.has(notice.key)) continue;
        shown.add(notice.key);
        if (shown.size > REMEMBERED_KEYS) {
          const oldest = shown.values().next().value;
          if (oldest !== undefined) shown.delete(oldest);
        }
        const popup = new Api(notice.title, {
          body: notice.body,
          // Another tab of the same page replaces rather than doubles it.
          tag: notice.key,
          requireInteraction: notice.urgency === 'critical',
        });
        onScreen.add(popup);
        popup.addEventListener('click', () => {
          onScreen.delete(popup);
          deps.focus();
          deps.open(notice.target);
          popup.close();
        });
        popup.addEventListener('close', () => onScreen.delete(popup));
        count += 1;
      }
      return count;
    },
  };
}
