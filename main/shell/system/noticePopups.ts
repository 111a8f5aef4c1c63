import { Notification } from 'electron';
import type { PortdeskCore } from '../../core/app/portdeskCore';
import type { Notice, NoticeTarget } from '../../core/notify/types';
import type { Logger } from '../../host/log/logger';

export interface NoticePopupOptions {
  /**
   * Shows and focuses the window and opens where the notice points (sends `onNavigate`): the
   * request, on its Numbers tab for news about numbers, or the outbox for a failed send.
   */
  openTarget: (target: NoticeTarget) => void;
  log: Logger;
  /** Remembered keys, so the same notice is never popped up twice in one run. */
  rememberKeys?: number;
}

/**
 * Turns the notify policy's notices into OS pop-ups (ARCHITECTURE §7): the policy decides, the
 * shell only shows. Silent notices (quiet hours) are not popped up; a notice whose key was already
 * shown is dropped; clicking a pop-up opens its target. Returns an unsubscribe function.
 */
export function showNoticePopups(
  core: Pick<PortdeskCore, 'onNotice'>,
  options: NoticePopupOptions,
): () => void {
  const shownKeys = new Set<string>();
  const limit = options.rememberKeys ?? 1000;
  // Electron garbage-collects a Notification nobody references, and its click handler with it.
  const onScreen = new Set<Notification>();

  return core.onNotice((notice: Notice) => {
    if (notice.silent || shownKeys.has(notice.key)) return;
    if (!Notification.isSupported()) {
      options.log.warn('notify: this system shows no notifications', { key: notice.key });
      return;
    }
    shownKeys.add(notice.key);
    if (shownKeys.size > limit) {
      const oldest = shownKeys.values().next().value;
      if (oldest !== undefined) shownKeys.delete(oldest);
    }
    const popup = new Notification({
      title: notice.title,
      body: notice.body,
      urgency: notice.urgency === 'critical' ? 'critical' : 'normal',
      timeoutType: notice.urgency === 'critical' ? 'never' : 'default',
      silent: false,
    });
    onScreen.add(popup);
    const forget = () => onScreen.delete(popup);
    popup.on('click', () => {
      forget();
      options.openTarget(notice.target);
    });
    popup.on('close', forget);
    popup.on('failed', (_event, error) => {
      forget();
      options.log.warn('notify: the pop-up could not be shown', { key: notice.key, error });
    });
    popup.show();
  });
}
