import type { CycleFacts, NumberReason } from './cycleFacts';
import {
  DAY_MS,
  instantInWords,
  LOA_SIGNATURE_WINDOW_DAYS,
  parseInstant,
  portDateInWords,
} from './dateWords';
import type { DescribeReason, NoticeKind, RequestContext } from './types';
import { numbers } from './wording';

/** One thing a notice can say. A notice is its most important topic plus a mention of the rest. */
export interface Topic {
  kind: NoticeKind;
  critical: boolean;
  /** Short, after "Customer: " in the title, and in the "Also:" list of other notices. */
  headline: string;
  /** The body's first sentence(s) when this topic is the headline. */
  detail: string;
}

export interface TopicWords {
  describeReason: DescribeReason;
  locale: string;
  timeZone: string;
}

/** "Invalid PIN (2), Invalid address (1)": most frequent first, then in order of appearance. */
function tally(labels: Iterable<string>): string {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([label, count]) => `${label} (${count})`)
    .join(', ');
}

/** The catalogue's words, or — when it has none — the raw reason and code, never nothing. */
function reasonWords(item: NumberReason, describeReason: DescribeReason): string {
  const described = describeReason(item.code, item.reason).trim();
  if (described) return described;
  if (item.reason && item.code !== null) return `${item.reason} (${item.code})`;
  if (item.reason) return item.reason;
  if (item.code !== null) return `Reason code ${item.code}`;
  return 'No reason given';
}

function actionRequiredTopic(facts: CycleFacts, words: TopicWords): Topic | null {
  const rejected = [...facts.rejected.values()].map((r) => reasonWords(r, words.describeReason));
  const notPortable = [...facts.notPortable.values()].map((r) =>
    reasonWords(r, words.describeReason),
  );
  const fix = 'Open the request to fix and resubmit.';
  if (rejected.length > 0 && notPortable.length > 0) {
    return {
      kind: 'action_required',
      critical: true,
      headline: `${numbers(rejected.length + notPortable.length)} need action`,
      detail: `Rejected: ${tally(rejected)}. Not portable: ${tally(notPortable)}. ${fix}`,
    };
  }
  if (rejected.length > 0) {
    return {
      kind: 'action_required',
      critical: true,
      headline: `${numbers(rejected.length)} rejected`,
      detail: `${tally(rejected)}. ${fix}`,
    };
  }
  if (notPortable.length > 0) {
    return {
      kind: 'action_required',
      critical: true,
      headline: `${numbers(notPortable.length)} not portable`,
      detail: `${tally(notPortable)}. Open the request to see what to do.`,
    };
  }
  if (facts.actionRequired) {
    return {
      kind: 'action_required',
      critical: true,
      headline: 'action required',
      detail: 'Twilio needs something from you on this request. Open it to see what.',
    };
  }
  return null;
}

function portDateSetTopic(facts: CycleFacts, words: TopicWords): Topic | null {
  if (facts.portDateSet.size === 0) return null;
  const days = [...facts.portDateSet.values()].map((date) => portDateInWords(date, words));
  const distinct = new Set(days);
  const count = numbers(days.length);
  const confirmed = 'The losing carrier confirmed the port date (FOC).';
  return distinct.size === 1
    ? {
        kind: 'port_date_set',
        critical: false,
        headline: `${count} scheduled for ${days[0]}`,
        detail: confirmed,
      }
    : {
        kind: 'port_date_set',
        critical: false,
        headline: `${count} scheduled`,
        detail: `${tally(days)}. ${confirmed}`,
      };
}

function portDateMovedTopic(facts: CycleFacts, words: TopicWords): Topic | null {
  if (facts.portDateMoved.size === 0) return null;
  const moves = [...facts.portDateMoved.values()];
  const newDays = moves.map((move) => portDateInWords(move.to, words));
  const oldDays = [
    ...new Set(moves.flatMap((move) => (move.from ? [portDateInWords(move.from, words)] : []))),
  ];
  const previously = oldDays.length > 0 ? `Previously scheduled for ${oldDays.join(', ')}.` : '';
  const count = numbers(moves.length);
  return new Set(newDays).size === 1
    ? {
        kind: 'port_date_moved',
        critical: false,
        headline: `${count} moved to ${newDays[0]}`,
        detail: previously || 'The port date changed.',
      }
    : {
        kind: 'port_date_moved',
        critical: false,
        headline: `port date moved for ${count}`,
        detail: `Now ${tally(newDays)}. ${previously}`.trim(),
      };
}

function loaWaitingTopic(
  facts: CycleFacts,
  request: RequestContext,
  words: TopicWords,
): Topic | null {
  if (facts.loaWaitingSince === null) return null;
  // Both on the account's clock, by which Twilio expires the LOA (RequestContext, CycleFacts).
  const sentAt = parseInstant(request.loaSentAt) ?? parseInstant(facts.loaWaitingSince);
  const deadline =
    sentAt === null
      ? null
      : instantInWords(new Date(sentAt + LOA_SIGNATURE_WINDOW_DAYS * DAY_MS), words);
  return {
    kind: 'loa_waiting',
    critical: false,
    headline: 'LOA waiting for signature',
    detail:
      deadline === null
        ? `The authorized representative must sign it within ${LOA_SIGNATURE_WINDOW_DAYS} days, or the request expires.`
        : `The authorized representative must sign it by ${deadline}, or the request expires.`,
  };
}

/**
 * Every topic the facts support, most important first: an outcome that ends the request, then
 * what needs the agent, then schedule news, then numbers finishing one by one.
 */
export function cycleTopics(
  facts: CycleFacts,
  request: RequestContext,
  words: TopicWords,
): Topic[] {
  const topics: (Topic | null)[] = [
    facts.outcome === 'expired'
      ? {
          kind: 'expired',
          critical: true,
          headline: 'port request expired',
          detail:
            'Twilio closed the request, usually because the LOA was not signed in time. Start a new request to port these numbers.',
        }
      : null,
    facts.outcome === 'canceled'
      ? {
          kind: 'canceled',
          critical: false,
          headline: 'port request canceled',
          detail: facts.cancellationReason
            ? `Reason: ${facts.cancellationReason}. No numbers will port on this request.`
            : 'No numbers will port on this request.',
        }
      : null,
    facts.outcome === 'completed'
      ? {
          kind: 'completed',
          critical: false,
          headline: 'port completed',
          detail:
            request.numbersRequested === null
              ? 'The request is complete; its numbers are now on Twilio.'
              : `The request for ${numbers(request.numbersRequested)} is complete; its numbers are now on Twilio.`,
        }
      : null,
    actionRequiredTopic(facts, words),
    loaWaitingTopic(facts, request, words),
    portDateMovedTopic(facts, words),
    portDateSetTopic(facts, words),
    // Numbers finishing one by one are news only while the request itself has not finished.
    facts.numbersCompleted.size > 0 && facts.outcome !== 'completed'
      ? {
          kind: 'completed',
          critical: false,
          headline: `${numbers(facts.numbersCompleted.size)} ported`,
          detail: `${facts.numbersCompleted.size === 1 ? 'It is' : 'They are'} now on Twilio.`,
        }
      : null,
    facts.numbersCanceled.size > 0 && facts.outcome !== 'canceled'
      ? {
          kind: 'canceled',
          critical: false,
          headline: `${numbers(facts.numbersCanceled.size)} canceled`,
          detail: `${facts.numbersCanceled.size === 1 ? 'It' : 'They'} will not port on this request.`,
        }
      : null,
  ];
  return topics.filter((topic): topic is Topic => topic !== null);
}
