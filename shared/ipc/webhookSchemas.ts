/** Payloads and answers of the porting webhook configuration channels (docs/porting.md, "Webhooks"). */
import { z } from 'zod';
import { AccountIdSchema } from './fieldSchemas';

/** The event names Twilio documents for `notifications_of` (PORTING-API §3.7). */
export const WEBHOOK_EVENTS = [
  'PortInWaitingForSignature',
  'PortInInProgress',
  'PortInCompleted',
  'PortInActionRequired',
  'PortInCanceled',
  'PortInExpired',
  'PortInPhoneNumberWaitingForSignature',
  'PortInPhoneNumberSubmitted',
  'PortInPhoneNumberPending',
  'PortInPhoneNumberCompleted',
  'PortInPhoneNumberRejected',
  'PortOutPhoneNumberCompleted',
] as const;

export const WEBHOOK_TYPES = ['PORT_IN', 'PORT_OUT'] as const;
export type WebhookTypeView = (typeof WEBHOOK_TYPES)[number];

export const WEBHOOK_URL_MAX_LENGTH = 2048;

/** Why a webhook address is refused, in words; null when it is fine. */
export function webhookUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Enter a full address starting with https://, e.g. https://backoffice.example.com/twilio/port-in';
  }
  if (url.protocol !== 'https:') {
    return 'Twilio sends webhooks over https only: the address must start with https://';
  }
  if (url.hostname === '') return 'The address needs a host name after https://';
  // PortDesk shows this address on screen and in its log: a password inside it would leak there.
  if (url.username !== '' || url.password !== '') {
    return 'Leave the user name and password out of the address: PortDesk shows it on screen.';
  }
  return null;
}

const WebhookUrlSchema = z
  .string()
  .trim()
  .max(WEBHOOK_URL_MAX_LENGTH, `At most ${WEBHOOK_URL_MAX_LENGTH} characters`)
  .superRefine((value, ctx) => {
    const problem = webhookUrlProblem(value);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  });

export const WebhookAccountSchema = z.strictObject({ accountId: AccountIdSchema });

/**
 * Replaces the account's whole configuration (a POST overwrites, PORTING-API §3.7). null: no
 * address of that type. An empty `notificationsOf` means "every event".
 */
export const SetWebhookConfigurationSchema = z
  .strictObject({
    accountId: AccountIdSchema,
    portInTargetUrl: WebhookUrlSchema.nullable(),
    portOutTargetUrl: WebhookUrlSchema.nullable(),
    notificationsOf: z
      .array(z.string().regex(/^[A-Za-z]{1,64}$/, 'An event name is letters only'))
      .max(50),
  })
  .superRefine((value, ctx) => {
    if (value.portInTargetUrl === null && value.portOutTargetUrl === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['portInTargetUrl'],
        message: 'Enter at least one address. To stop all webhooks, delete the configuration.',
      });
    }
  });

export const DeleteWebhookConfigurationSchema = z.strictObject({
  accountId: AccountIdSchema,
  type: z.enum(WEBHOOK_TYPES),
});

/** An account's porting webhook configuration as Twilio has it. */
export interface WebhookConfigurationView {
  accountId: string;
  /** false when Twilio has none (a 404); the other fields are then empty. */
  configured: boolean;
  portInTargetUrl: string | null;
  portOutTargetUrl: string | null;
  /** Empty: every event. */
  notificationsOf: string[];
  portInTargetDateCreated: string | null;
  portOutTargetDateCreated: string | null;
}
