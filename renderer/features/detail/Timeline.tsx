import { memo, useMemo, useState } from 'react';
import { formatUsPhoneNumber } from '../../../shared/domain/phoneNumbers';
import type { ReasonView, TimelineEntry } from '../../../shared/views';
import { Button } from '../../ui/Button';
import {
  formatCalendarDate,
  formatCount,
  formatDateTime,
  formatTime,
  localIsoDate,
} from '../../ui/format';
import { EmptyState } from '../../ui/states';
import { IconClock } from '../../ui/icons';
import { describeGroup, groupTimeline, type TimelineGroup } from './timelineWords';

/** The reason for a rejection or a not-portable verdict, with the fix, from the catalog. */
export function ReasonCard({ reason, compact }: { reason: ReasonView; compact?: boolean }) {
  return (
    <div className={`reason ${compact ? 'reason--compact' : ''}`}>
      <p className="reason__title">
        {reason.title}
        {reason.code !== null || reason.name ? (
          <span className="reason__code mono">
            {[reason.name, reason.code].filter((part) => part !== null).join(' · ')}
          </span>
        ) : null}
      </p>
      {compact ? null : <p className="reason__meaning">{reason.meaning}</p>}
      <p className="reason__fix">
        <strong>Fix: </strong>
        {reason.fix}
      </p>
    </div>
  );
}

const SHOWN_NUMBERS = 4;

function GroupNumbers({ group }: { group: TimelineGroup }) {
  const [expanded, setExpanded] = useState(false);
  if (group.phoneNumbers.length <= 1) return null;
  const shown = expanded ? group.phoneNumbers : group.phoneNumbers.slice(0, SHOWN_NUMBERS);
  const hidden = group.phoneNumbers.length - shown.length;
  return (
    <p className="timeline__numbers small">
      {shown.map(formatUsPhoneNumber).join(', ')}
      {hidden > 0 ? (
        <>
          {' '}
          <Button variant="ghost" size="sm" onPress={() => setExpanded(true)}>
            and {formatCount(hidden)} more
          </Button>
        </>
      ) : null}
    </p>
  );
}

/**
 * A day's height before the browser has laid it out (content-visibility: auto skips days off
 * screen; once one has been rendered its real height is remembered). A guess close to the real
 * height keeps the scrollbar from jumping as days come into view.
 */
function estimatedDayHeight(groups: readonly TimelineGroup[]): number {
  const DAY_HEADING_PX = 44;
  const ITEM_PX = 68;
  const NUMBERS_LINE_PX = 24;
  const REASON_CARD_PX = 96;
  return groups.reduce(
    (sum, group) =>
      sum +
      ITEM_PX +
      (group.phoneNumbers.length > 1 ? NUMBERS_LINE_PX : 0) +
      (group.first.reason ? REASON_CARD_PX : 0),
    DAY_HEADING_PX,
  );
}

/**
 * Every change PortDesk observed, newest first, grouped by day. Every event stays in the DOM
 * (find in page, screen readers and tests read it all); days off screen skip style, layout and
 * paint with `content-visibility: auto`, so a 500-event timeline opens at the cost of one screen.
 * Memoised: the detail re-renders on a tab switch (the timeline's panel renders once more as it
 * leaves) and on every busy flag or dialog, and 500 events cost ~25 ms to reconcile for nothing.
 */
export const Timeline = memo(function Timeline({
  entries,
  fresh,
}: {
  entries: readonly TimelineEntry[];
  fresh: ReadonlySet<number>;
}) {
  const days = useMemo(() => {
    const groups = groupTimeline(entries).reverse();
    const byDay: { day: string; groups: TimelineGroup[] }[] = [];
    for (const group of groups) {
      const day = localIsoDate(new Date(group.first.observedAt));
      const last = byDay[byDay.length - 1];
      if (last && last.day === day) last.groups.push(group);
      else byDay.push({ day, groups: [group] });
    }
    return byDay;
  }, [entries]);

  if (entries.length === 0) {
    return (
      <EmptyState icon={<IconClock size={28} />} title="No changes yet">
        Changes appear here as sync sees them.
      </EmptyState>
    );
  }

  return (
    <div className="timeline" data-testid="timeline">
      {days.map(({ day, groups }) => (
        <section
          key={day}
          aria-label={formatCalendarDate(day)}
          className="timeline__day-group"
          style={{ containIntrinsicSize: `auto ${estimatedDayHeight(groups)}px` }}
        >
          <h3 className="timeline__day">{formatCalendarDate(day)}</h3>
          <ol className="timeline__list">
            {groups.map((group) => {
              const { text, tone } = describeGroup(group);
              const isFresh = group.entries.some((e) => fresh.has(e.id));
              return (
                <li
                  key={group.key}
                  className={`timeline__item ${isFresh ? 'timeline__item--fresh' : ''}`}
                  data-kind={group.kind}
                >
                  <span className={`timeline__dot tone-${tone}`} aria-hidden="true" />
                  <div className="timeline__content">
                    <p className="timeline__text">
                      {text}
                      {isFresh ? (
                        <span className="chip chip--plain tone-info timeline__new">New</span>
                      ) : null}
                    </p>
                    <GroupNumbers group={group} />
                    {group.first.reason ? <ReasonCard reason={group.first.reason} /> : null}
                    <p className="timeline__meta small muted">
                      <time
                        dateTime={group.first.observedAt}
                        title={formatDateTime(group.first.observedAt)}
                      >
                        {formatTime(group.first.observedAt)}
                      </time>
                      {group.first.source === 'local' || group.first.source === 'outbox'
                        ? ' · by you in PortDesk'
                        : ''}
                    </p>
                  </div>
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </div>
  );
});
