import type { Database } from 'better-sqlite3';
import type {
  TimelineEvent,
  TimelineEventKind,
  TimelineSource,
} from '../../../shared/domain/timeline';
import { invalidInput } from './errors';
import { nestable } from './flatTransaction';
import { fromJson, toJson } from './json';
import { toInstant } from './time';

/** A timeline event before the store has given it an id. */
export type NewTimelineEvent = Omit<TimelineEvent, 'id'>;

export interface TimelineRepository {
  /** Appends in order; returns the events with their ids. Atomic: all or none. */
  appendEvents(events: readonly NewTimelineEvent[]): TimelineEvent[];
  /** Newest first. `before` is an event id, for the next page. */
  listEvents(requestSid: string, options?: { limit?: number; before?: number }): TimelineEvent[];
}

interface EventRow {
  id: number;
  request_sid: string;
  number_sid: string | null;
  phone_number: string | null;
  kind: TimelineEventKind;
  from_value: string | null;
  to_value: string | null;
  detail: string;
  observed_at: string;
  source: TimelineSource;
}

const SOURCES: readonly TimelineSource[] = ['sync', 'local', 'outbox'];

function toEvent(row: EventRow): TimelineEvent {
  return {
    id: row.id,
    requestSid: row.request_sid,
    numberSid: row.number_sid,
    phoneNumber: row.phone_number,
    kind: row.kind,
    from: row.from_value,
    to: row.to_value,
    detail: fromJson<Record<string, unknown>>(row.detail),
    observedAt: row.observed_at,
    source: row.source,
  };
}

export function timelineRepository(db: Database): TimelineRepository {
  const insert = db.prepare<
    [
      string,
      string | null,
      string | null,
      string,
      string | null,
      string | null,
      string,
      string,
      string,
    ]
  >(
    `INSERT INTO timeline_events (request_sid, number_sid, phone_number, kind, from_value, to_value,
       detail, observed_at, source)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const page = db.prepare<[string, number, number], EventRow>(
    `SELECT * FROM timeline_events WHERE request_sid = ? AND id < ? ORDER BY id DESC LIMIT ?`,
  );

  const appendEvents = nestable(db, (events: readonly NewTimelineEvent[]): TimelineEvent[] =>
    events.map((event, index) => {
      const field = `events[${index}]`;
      if (!SOURCES.includes(event.source)) {
        throw invalidInput(`${field}.source`, `"${String(event.source)}" is not a timeline source`);
      }
      const observedAt = toInstant(event.observedAt, `${field}.observedAt`);
      const detail = event.detail ?? {};
      const { lastInsertRowid } = insert.run(
        event.requestSid,
        event.numberSid,
        event.phoneNumber,
        event.kind,
        event.from,
        event.to,
        toJson(detail),
        observedAt,
        event.source,
      );
      return { ...event, detail, observedAt, id: Number(lastInsertRowid) };
    }),
  );

  return {
    appendEvents,
    listEvents(requestSid, options = {}) {
      const limit = options.limit ?? 100;
      if (!Number.isInteger(limit) || limit < 1) {
        throw invalidInput('limit', 'must be a positive whole number');
      }
      return page.all(requestSid, options.before ?? Number.MAX_SAFE_INTEGER, limit).map(toEvent);
    },
  };
}
