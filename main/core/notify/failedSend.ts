import { checkNotifySettings, inQuietHours } from './settings';
import type { Notice, NotifySettings } from './types';

/** What the outbox can send; its own list lives in the store, the words for each live here. */
export type SendKind = 'upload_document' | 'create_port_in' | 'cancel_port_in' | 'cancel_number';

/** One outbox item that gave up: facts only, read by the composition root from the store. */
export interface FailedSend {
  itemId: number;
  kind: SendKind;
  accountId: string;
  /** The request it was about; null for a create that never reached Twilio. */
  requestSid: string | null;
  /** The customer on the request or the draft, when known. */
  customerName: string | null;
  /** When the item was marked failed (its updatedAt): a retry that fails again is new news. */
  failedAt: string;
  /** The outbox's own words for the failure and what to do; either may be missing. */
  message: string | null;
  advice: string | null;
}

export interface FailedSendInput {
  failure: FailedSend;
  settings: NotifySettings;
  now: Date;
}

const WHAT_FAILED: Record<SendKind, string> = {
  create_port_in: 'the new port-in request could not be sent',
  cancel_port_in: 'the cancellation could not be sent',
  cancel_number: 'a number cancellation could not be sent',
  upload_document: 'the utility bill could not be uploaded',
};

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * The notice for a send of the agent's own that gave up. It has no switch (the agent must hear
 * that their work did not reach Twilio) and opens the outbox, where it can be retried or
 * discarded. Pure, like the rest of the policy: same facts, same notice and key.
 */
export function noticeForFailedSend(input: FailedSendInput): Notice {
  const { failure, settings, now } = input;
  checkNotifySettings(settings);
  const who = failure.customerName?.trim() || failure.requestSid || 'PortDesk';
  const body = [
    failure.message ? sentence(failure.message) : 'Twilio did not accept it.',
    sentence(failure.advice ?? 'Open the outbox to retry it or discard it'),
  ].join(' ');
  return {
    key: `outbox:${failure.itemId}:failed:${failure.failedAt}`,
    kind: 'outbox_failed',
    requestSid: failure.requestSid,
    accountId: failure.accountId,
    title: `${who}: ${WHAT_FAILED[failure.kind]}`,
    body,
    urgency: 'critical',
    silent: inQuietHours(now, settings.quietHours, settings.timeZone),
    createdAt: now.toISOString(),
    target: { screen: 'outbox' },
  };
}
