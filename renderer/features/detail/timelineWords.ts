import { formatUsPhoneNumber } from '../../../shared/domain/phoneNumbers';
import type { TimelineEntry } from '../../../shared/views';
import { formatPortDate, formatPortDateShort, plural } from '../../ui/format';
import { statusWord, type Tone } from '../../ui/status';

/**
 * Consecutive timeline events that are the same change seen in the same sync (120 numbers going
 * Submitted → Pending at once) are shown as one entry naming the numbers.
 */
export interface TimelineGroup {
  key: string;
  kind: TimelineEntry['kind'];
  first: TimelineEntry;
  entries: TimelineEntry[];
  phoneNumbers: string[];
}

function groupKey(entry: TimelineEntry): string {
  return [
    entry.kind,
    entry.observedAt,
    entry.numberSid === null ? 'request' : 'number',
    entry.from ?? '',
    entry.to ?? '',
    entry.reason?.code ?? entry.reason?.name ?? '',
    entry.source,
  ].join('|');
}

export function groupTimeline(entries: readonly TimelineEntry[]): TimelineGroup[] {
  // One sync writes its events with one observedAt, number by number (status, then port date,
  // then the next number): group within that instant, whatever the interleaving.
  const groups: TimelineGroup[] = [];
  const open = new Map<string, TimelineGroup>();
  for (const entry of entries) {
    const key = groupKey(entry);
    const existing = entry.numberSid !== null ? open.get(key) : undefined;
    if (existing) {
      existing.entries.push(entry);
      if (entry.phoneNumber) existing.phoneNumbers.push(entry.phoneNumber);
      continue;
    }
    const group: TimelineGroup = {
      key: `${key}|${entry.id}`,
      kind: entry.kind,
      first: entry,
      entries: [entry],
      phoneNumbers: entry.phoneNumber ? [entry.phoneNumber] : [],
    };
    groups.push(group);
    if (entry.numberSid !== null) open.set(key, group);
  }
  return groups;
}

/**
 * How many entries the Timeline tab shows: one per group, not one per stored event (120 numbers
 * moving in one sync are one entry, so the tab's count is one too).
 */
export function timelineEntryCount(entries: readonly TimelineEntry[]): number {
  return groupTimeline(entries).length;
}

function statusFrom(entry: TimelineEntry, which: 'from' | 'to'): string {
  // A status change names both ends; a first sighting names its one status `status`.
  const canonical =
    which === 'from' ? entry.detail.fromStatus : (entry.detail.toStatus ?? entry.detail.status);
  const kind = entry.numberSid === null ? 'request' : 'number';
  if (typeof canonical === 'string' && canonical !== 'unknown') return statusWord(canonical, kind);
  return statusWord(entry[which], kind);
}

function subject(group: TimelineGroup): string {
  if (group.first.numberSid === null) return 'Request status';
  if (group.phoneNumbers.length === 1 && group.phoneNumbers[0]) {
    return formatUsPhoneNumber(group.phoneNumbers[0]);
  }
  return plural(group.entries.length, 'number');
}

/**
 * The port dates a request already had when PortDesk first saw it, summed up by sync in its
 * request_created event (main/core/sync/diff.ts): "10 port dates confirmed, Dec 4–6". Null when
 * there were none or the detail is not that shape.
 */
function firstSeenPortDates(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const { numbers, earliest, latest } = value as Record<string, unknown>;
  if (typeof numbers !== 'number' || numbers < 1) return null;
  if (typeof earliest !== 'string' || typeof latest !== 'string') return null;
  return `${plural(numbers, 'port date')} confirmed, ${portDateRange(earliest, latest)}`;
}

/** "Dec 4", "Dec 4–6", "Dec 30 – Jan 2" (in UTC, as formatPortDate explains). */
function portDateRange(earliest: string, latest: string): string {
  const from = formatPortDateShort(earliest);
  const to = formatPortDateShort(latest);
  if (from === to) return from;
  const [fromMonth] = from.split(' ');
  const [toMonth, toDay] = to.split(' ');
  const sameYear = earliest.slice(0, 4) === latest.slice(0, 4);
  return sameYear && fromMonth === toMonth && toDay ? `${from}–${toDay}` : `${from} – ${to}`;
}

/** One sentence per group, in the agent's words. */
export function describeGroup(group: TimelineGroup): { text: string; tone: Tone } {
  const entry = group.first;
  const who = subject(group);
  const many = group.entries.length > 1;
  switch (entry.kind) {
    case 'request_created': {
      const numbers = typeof entry.detail.numbers === 'number' ? entry.detail.numbers : null;
      const withNumbers = numbers !== null ? ` with ${plural(numbers, 'number')}` : '';
      const dates = firstSeenPortDates(entry.detail.portDates);
      return {
        text:
          entry.source === 'sync'
            ? `PortDesk first saw this request (${statusFrom(entry, 'to')})${withNumbers}${dates ? `; ${dates}` : ''}`
            : `Request created${withNumbers}`,
        tone: 'info',
      };
    }
    case 'status_changed': {
      const to = entry.detail.toStatus;
      const tone: Tone =
        to === 'completed'
          ? 'success'
          : to === 'action_required' || to === 'rejected'
            ? 'danger'
            : to === 'canceled' || to === 'expired'
              ? 'neutral'
              : 'info';
      return { text: `${who}: ${statusFrom(entry, 'from')} → ${statusFrom(entry, 'to')}`, tone };
    }
    case 'port_date_set':
      return {
        text: `${who}: port date confirmed for ${formatPortDate(entry.to)}`,
        tone: 'success',
      };
    case 'port_date_moved':
      return {
        text: `${who}: port date moved from ${formatPortDate(entry.from)} to ${formatPortDate(entry.to)}`,
        tone: 'warning',
      };
    case 'rejected':
      return {
        text: `${who} ${many ? 'were' : 'was'} rejected by the losing carrier`,
        tone: 'danger',
      };
    case 'loa_link_available':
      return {
        text: 'The letter of authorization (LOA) is ready: the authorized representative was emailed a link to sign it',
        tone: 'warning',
      };
    case 'number_canceled':
      return { text: `${who} ${many ? 'were' : 'was'} canceled`, tone: 'neutral' };
    case 'not_portable':
      return {
        text: `${who}: Twilio says ${many ? 'these are' : 'it is'} not portable`,
        tone: 'danger',
      };
    default:
      return { text: `${who}: ${String(entry.kind).replace(/_/g, ' ')}`, tone: 'neutral' };
  }
}
