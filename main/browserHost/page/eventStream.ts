/**
 * Reads the browser host's pushed events: a `text/event-stream` body fetched with POST (so the
 * request carries the token header and Chromium sends `Origin`; EventSource can do neither).
 * Reconnects with backoff when the stream drops; stops for good on 403 (the host restarted with
 * a new token, so this page can never talk to it again). When the host cannot be reached twice
 * in a row, or refuses this page, `onStopped` says so, so the window does not look alive.
 */
export interface EventStreamOptions {
  url: string;
  headers: Record<string, string>;
  deliver: (channel: string, payload: unknown) => void;
  /** 'stopped': the host is gone; 'refused': it no longer knows this page (a new launch). */
  onStopped?: (why: 'stopped' | 'refused') => void;
  /** Called when the stream is up again after onStopped('stopped'). */
  onResumed?: () => void;
}

/** Unreachable this many times in a row: the host has stopped (one blip is not enough). */
const STOPPED_AFTER_FAILURES = 2;

export async function readEventStream(options: EventStreamOptions): Promise<void> {
  let failures = 0;
  for (let attempt = 0; ; attempt += 1) {
    try {
      const response = await fetch(options.url, {
        method: 'POST',
        headers: options.headers,
        body: '{}',
      });
      if (response.status === 403) {
        console.error(
          'PortDesk: this window lost its link to PortDesk (the host was restarted). Open the address it printed.',
        );
        options.onStopped?.('refused');
        return;
      }
      if (response.ok && response.body) {
        attempt = 0;
        if (failures >= STOPPED_AFTER_FAILURES) options.onResumed?.();
        failures = 0;
        await consume(response.body, options.deliver);
      }
    } catch {
      // The host is unreachable for now; retry below.
      failures += 1;
      if (failures === STOPPED_AFTER_FAILURES) options.onStopped?.('stopped');
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(250 * 2 ** attempt, 10_000)));
  }
}

async function consume(
  body: ReadableStream<Uint8Array>,
  deliver: EventStreamOptions['deliver'],
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end !== -1) {
      dispatchBlock(buffer.slice(0, end), deliver);
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf('\n\n');
    }
  }
}

/** One SSE block: `event: <channel>` and `data: <json>` lines; `:` lines are keep-alives. */
export function dispatchBlock(block: string, deliver: EventStreamOptions['deliver']): void {
  let channel: string | null = null;
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) channel = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
  }
  if (channel === null || data.length === 0) return;
  try {
    deliver(channel, JSON.parse(data.join('\n')) as unknown);
  } catch {
    // A garbled block is dropped; the bridge would refuse it anyway.
  }
}
