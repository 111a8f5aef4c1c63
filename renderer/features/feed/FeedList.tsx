import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { NOTICE_KIND_LABELS, type NoticeView } from '../../../shared/feed';
import { useFeed } from '../../store/feedStore';
import { formatTime } from '../../ui/format';
import { useNowAwake } from '../../ui/useNowAwake';
import { dayHeading, dayOf } from './feedWords';

const ROW_HEIGHT = 76;
const HEADING_HEIGHT = 36;
const OVERSCAN = 6;

/**
 * The notices as a virtualised list, newest first, a heading at the first notice of each day:
 * only the rows on screen are in the DOM and only their pages are fetched, so 10,000 notices
 * scroll like 10. Arrow keys move between notices, Enter opens one.
 */
export function FeedList({
  onOpen,
  showAccount,
}: {
  onOpen: (notice: NoticeView) => void;
  showAccount: boolean;
}) {
  const total = useFeed((s) => s.total) ?? 0;
  const pages = useFeed((s) => s.pages);
  const generation = useFeed((s) => s.generation);
  const ensureRows = useFeed((s) => s.ensureRows);
  const rowAt = useFeed((s) => s.rowAt);
  const now = useNowAwake();
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const focusPending = useRef(false);

  /** A heading opens each day; at an unloaded page's edge, the next load decides. */
  const startsDay = (index: number): boolean => {
    const row = rowAt(index);
    if (!row) return false;
    const previous = index === 0 ? undefined : rowAt(index - 1);
    return (
      index === 0 || (previous !== undefined && dayOf(previous.createdAt) !== dayOf(row.createdAt))
    );
  };

  // No React Compiler in this build; nothing here memoizes the virtualizer's functions.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => ROW_HEIGHT + (startsDay(index) ? HEADING_HEIGHT : 0),
    overscan: OVERSCAN,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    // New rows change which notices open a day: heights are estimated again.
    virtualizer.measure();
  }, [pages, virtualizer]);

  useEffect(() => {
    setActive(0);
    virtualizer.scrollToOffset(0);
  }, [generation, virtualizer]);

  useEffect(() => {
    if (total > 0) ensureRows(first, last);
  }, [first, last, total, pages, ensureRows]);

  useEffect(() => {
    if (!focusPending.current) return;
    const row = scroller.current?.querySelector<HTMLElement>(
      // Not the placeholder of a page still on its way: the notice itself, once it is there.
      `[data-index="${active}"] article.feed-row`,
    );
    if (row) {
      row.focus({ preventScroll: true });
      focusPending.current = false;
    }
  });

  function move(to: number) {
    const index = Math.max(0, Math.min(total - 1, to));
    setActive(index);
    focusPending.current = true;
    virtualizer.scrollToIndex(index, { align: 'auto' });
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const pageRows = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 600) / ROW_HEIGHT));
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      PageDown: () => move(active + pageRows),
      PageUp: () => move(active - pageRows),
      Home: () => move(0),
      End: () => move(total - 1),
      Enter: () => {
        const row = rowAt(active);
        if (row) onOpen(row);
      },
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  }

  return (
    <div
      ref={scroller}
      className="feed-list"
      role="list"
      aria-label="Activity"
      aria-busy={items.some((item) => !rowAt(item.index))}
      onKeyDown={onKeyDown}
    >
      <div role="none" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const row = rowAt(item.index);
          return (
            <div
              key={item.key}
              role="listitem"
              aria-posinset={item.index + 1}
              aria-setsize={total}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="feed-list__item"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              {row && startsDay(item.index) ? (
                <h2 className="feed-day">{dayHeading(dayOf(row.createdAt), now)}</h2>
              ) : null}
              {row ? (
                <article
                  className={`feed-row${row.read ? '' : ' feed-row--unread'}${row.urgency === 'critical' ? ' feed-row--critical' : ''}`}
                  tabIndex={item.index === active ? 0 : -1}
                  aria-label={`${row.read ? '' : 'Unread: '}${row.title}`}
                  onClick={() => {
                    setActive(item.index);
                    onOpen(row);
                  }}
                  onFocus={() => setActive(item.index)}
                >
                  <span className="feed-row__dot" aria-hidden="true" />
                  <div className="feed-row__main">
                    <div className="feed-row__title">{row.title}</div>
                    <div className="feed-row__body">{row.body}</div>
                  </div>
                  <div className="feed-row__meta">
                    <span className={`feed-kind feed-kind--${row.kind}`}>
                      {NOTICE_KIND_LABELS[row.kind]}
                    </span>
                    {showAccount ? <span className="muted small">{row.accountLabel}</span> : null}
                    <time className="muted small" dateTime={row.createdAt}>
                      {formatTime(row.createdAt)}
                    </time>
                  </div>
                </article>
              ) : (
                <div className="feed-row feed-row--loading" aria-hidden="true" />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
