import { WEBHOOK_EVENTS } from '../../../shared/ipc';

type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Twilio's event names in the agent's words (the name itself is the checkbox's title). */
export const WEBHOOK_EVENT_LABELS: Record<WebhookEvent, string> = {
  PortInWaitingForSignature: 'Request waiting for signature',
  PortInInProgress: 'Request in progress',
  PortInCompleted: 'Request completed',
  PortInActionRequired: 'Request needs action',
  PortInCanceled: 'Request canceled',
  PortInExpired: 'Request expired',
  PortInPhoneNumberWaitingForSignature: 'Number waiting for signature',
  PortInPhoneNumberSubmitted: 'Number submitted',
  PortInPhoneNumberPending: 'Number pending',
  PortInPhoneNumberCompleted: 'Number completed',
  PortInPhoneNumberRejected: 'Number rejected',
  PortOutPhoneNumberCompleted: 'Port-out number completed',
};

/** The documented events, then any other name Twilio holds for this account (kept as sent). */
export function eventChoices(configured: readonly string[]): { name: string; label: string }[] {
  const known = WEBHOOK_EVENTS.map((name) => ({ name, label: WEBHOOK_EVENT_LABELS[name] }));
  const others = configured
    .filter((name) => !(WEBHOOK_EVENTS as readonly string[]).includes(name))
    .map((name) => ({ name, label: name }));
  return [...known, ...others];
}
