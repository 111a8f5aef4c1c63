import type { NoticeKind } from './types';

/** How each kind reads in the digest, most important first: [one, many]. */
const DIGEST_WORDS: readonly (readonly [NoticeKind, string, string])[] = [
  ['action_required', 'rejection', 'rejections'],
  ['outbox_failed', 'failed send', 'failed sends'],
  ['expired', 'expired', 'expired'],
  ['loa_reminder', 'LOA reminder', 'LOA reminders'],
  ['loa_waiting', 'LOA waiting for signature', 'LOAs waiting for signature'],
  ['port_date_moved', 'port date moved', 'port dates moved'],
  ['port_date_set', 'port date confirmed', 'port dates confirmed'],
  ['completed', 'completed', 'completed'],
  ['canceled', 'canceled', 'canceled'],
  ['ageing', 'without a port date', 'without a port date'],
];

/**
 * "Since you last looked": notices recorded since the agent last looked, counted by kind, in one
 * line — "3 rejections, 2 port dates confirmed, 1 completed". Counts notices (one per request
 * per sync cycle), not numbers. null when nothing happened, so the screen shows no line at all.
 */
export function digestLine(counts: Partial<Record<NoticeKind, number>>): string | null {
  const parts: string[] = [];
  for (const [kind, one, many] of DIGEST_WORDS) {
    const count = counts[kind] ?? 0;
    if (count > 0) parts.push(`${count.toLocaleString('en-US')} ${count === 1 ? one : many}`);
  }
  return parts.length === 0 ? null : parts.join(', ');
}
