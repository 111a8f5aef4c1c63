import type { OutboxItem, OutboxPayloadOf } from '../store';
import type { PortingClient } from '../twilio';
import type { OutboxSender, StepEnd } from './outboxSend';

type CancelPayload = OutboxPayloadOf<'cancel_port_in'> | OutboxPayloadOf<'cancel_number'>;

/**
 * Cancels a request, or one of its numbers (a payload with `numberSid`). Once it went out, the
 * request is fetched on the next detail pass, and `refreshSids` gets it so that pass comes soon.
 */
export async function sendCancel(
  sender: OutboxSender,
  item: OutboxItem,
  payload: CancelPayload,
  client: PortingClient,
  signal: AbortSignal,
  refreshSids: string[],
): Promise<StepEnd> {
  const end = await sender.send(item, () =>
    'numberSid' in payload
      ? client.cancelPortInNumber(payload.requestSid, payload.numberSid, { signal })
      : client.cancelPortIn(payload.requestSid, { signal }),
  );
  const { store } = sender.deps;
  if (store.outbox.get(item.id)?.state === 'done') {
    try {
      store.requests.markFetched(payload.requestSid, { nextFetchAt: sender.isoNow() });
    } catch {
      // Not stored yet: discovery will find it.
    }
    refreshSids.push(payload.requestSid);
  }
  return end;
}
