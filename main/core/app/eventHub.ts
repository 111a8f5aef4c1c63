import type { EventMethod, EventPayloadOf } from '../../../shared/ipc';

type Listener<E extends EventMethod> = (payload: EventPayloadOf<E>) => void;

/**
 * The core's pushed events, by contract name. A listener that throws is reported and does not
 * stop the others: one broken window must not stall sync.
 */
export class EventHub {
  private readonly listeners = new Map<EventMethod, Set<(payload: never) => void>>();

  constructor(private readonly onListenerError: (error: unknown) => void = () => undefined) {}

  on<E extends EventMethod>(event: E, listener: Listener<E>): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    const entry = listener as (payload: never) => void;
    set.add(entry);
    return () => set.delete(entry);
  }

  emit<E extends EventMethod>(event: E, payload: EventPayloadOf<E>): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        (listener as Listener<E>)(payload);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }
}
