/** `window.portdesk` and main's handler map, derived from the contract. */
import type { Envelope } from './envelope';
import type { EventMethod, EventPayloadOf } from './eventContract';
import type { InvokeMethod, PayloadInput, PayloadOf, ResponseOf } from './invokeContract';

export type Unsubscribe = () => void;

type InvokeFunction<M extends InvokeMethod> =
  // Channels whose payload has no required key may be called without an argument.
  Record<never, never> extends PayloadInput<M>
    ? (payload?: PayloadInput<M>) => Promise<Envelope<ResponseOf<M>>>
    : (payload: PayloadInput<M>) => Promise<Envelope<ResponseOf<M>>>;

export type InvokeBridge = { readonly [M in InvokeMethod]: InvokeFunction<M> };
export type EventBridge = {
  readonly [E in EventMethod]: (listener: (payload: EventPayloadOf<E>) => void) => Unsubscribe;
};
export type PortdeskBridge = InvokeBridge & EventBridge;

/** What main implements: one handler per invoke method, given the parsed payload. */
export type InvokeHandlers = {
  readonly [M in InvokeMethod]: (payload: PayloadOf<M>) => Promise<ResponseOf<M>>;
};
