import { accountNowMs } from '../../../shared/domain/accountTime';
import { isTerminalRequestStatus } from '../../../shared/domain/statuses';
import { DAY_MS, instantInWords, LOA_SIGNATURE_WINDOW_DAYS, parseInstant } from './dateWords';
import { checkNotifySettings, DEFAULT_LOCALE, inQuietHours, kindEnabled } from './settings';
import type { Notice, NotifySettings, RequestContext } from './types';
import { days, displayName } from './wording';

export interface RemindersInput {
  requests: RequestContext[];
  settings: NotifySettings;
  /** This computer's clock; each request's dates are counted from now on its account's clock. */
  now: Date;
  /** Keys of reminders already shown; a reminder whose key is here is not due again. */
  alreadySent: Set<string>;
}

/** Now on the request's account's clock, which Twilio's dates (LOA, creation) are on. */
function accountNow(request: RequestContext, input: RemindersInput): number {
  return accountNowMs(request.clockOffsetMs ?? 0, input.now.getTime());
}

function loaReminder(
  request: RequestContext,
  input: RemindersInput,
  words: { locale: string; timeZone: string },
): Notice | null {
  if (request.status !== 'waiting_for_signature') return null;
  const sentAt = parseInstant(request.loaSentAt);
  if (sentAt === null) return null;
  const expiresAt = sentAt + LOA_SIGNATURE_WINDOW_DAYS * DAY_MS;
  const left = expiresAt - accountNow(request, input);
  if (left <= 0) return null;

  // Only the tightest threshold crossed: after a week offline the agent gets one reminder
  // ("1 day left"), not the three it missed.
  const crossed = input.settings.loaReminderDaysLeft.filter(
    (threshold) => left <= threshold * DAY_MS,
  );
  if (crossed.length === 0) return null;
  const threshold = Math.min(...crossed);
  // The LOA's send time is in the key: a new LOA (request back to waiting) starts a new series.
  const key = `${request.sid}:loa_reminder:${request.loaId ?? request.loaSentAt}:${threshold}d`;
  if (input.alreadySent.has(key)) return null;

  const daysLeft = Math.ceil(left / DAY_MS);
  return {
    key,
    kind: 'loa_reminder',
    requestSid: request.sid,
    accountId: request.accountId,
    title: `${displayName(request)}: LOA not signed, ${days(daysLeft)} left`,
    body:
      `The LOA sent ${instantInWords(new Date(sentAt), words)} is still waiting for the authorized ` +
      `representative's signature. Unsigned, the request expires on ` +
      `${instantInWords(new Date(expiresAt), words)}.`,
    urgency: daysLeft <= 1 ? 'critical' : 'normal',
    silent: false,
    createdAt: input.now.toISOString(),
    target: { screen: 'request', sid: request.sid },
  };
}

/** Waiting for a signature has its own reminders; ageing is about requests the carrier holds. */
function ages(request: RequestContext): boolean {
  return request.status !== 'waiting_for_signature' && !isTerminalRequestStatus(request.status);
}

function ageingAlert(
  request: RequestContext,
  input: RemindersInput,
  words: { locale: string; timeZone: string },
): Notice | null {
  if (!ages(request) || request.firstPortDate) return null;
  const submittedAt = parseInstant(request.submittedAt);
  if (submittedAt === null) return null;
  const elapsed = accountNow(request, input) - submittedAt;
  if (elapsed < input.settings.ageingDays * DAY_MS) return null;
  const key = `${request.sid}:ageing:${input.settings.ageingDays}d`;
  if (input.alreadySent.has(key)) return null;

  return {
    key,
    kind: 'ageing',
    requestSid: request.sid,
    accountId: request.accountId,
    title: `${displayName(request)}: no port date after ${days(Math.floor(elapsed / DAY_MS))}`,
    body:
      `Submitted ${instantInWords(new Date(submittedAt), words)}, and no number has a confirmed ` +
      `port date yet. Check the request for anything Twilio needs, or ask Twilio porting support.`,
    urgency: 'normal',
    silent: false,
    createdAt: input.now.toISOString(),
    target: { screen: 'request', sid: request.sid },
  };
}

/**
 * Time-based notices that are due at `now`: LOA signature reminders and ageing alerts, each with a
 * key the caller stores once shown so it is never due again. During quiet hours nothing is due:
 * the reminders stay pending and come out at the first call after quiet hours end.
 */
export function dueReminders(input: RemindersInput): Notice[] {
  const { settings } = input;
  checkNotifySettings(settings);
  if (inQuietHours(input.now, settings.quietHours, settings.timeZone)) return [];
  const words = { locale: settings.locale ?? DEFAULT_LOCALE, timeZone: settings.timeZone };

  const notices: Notice[] = [];
  for (const request of input.requests) {
    const reminder = kindEnabled(settings, 'loa_reminder')
      ? loaReminder(request, input, words)
      : null;
    const alert = kindEnabled(settings, 'ageing') ? ageingAlert(request, input, words) : null;
    if (reminder) notices.push(reminder);
    if (alert) notices.push(alert);
  }
  return notices;
}
