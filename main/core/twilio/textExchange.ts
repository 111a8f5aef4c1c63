import type { Readable } from 'node:stream';
import { errors, type Dispatcher } from 'undici';

/** One HTTP answer, its body read as UTF-8 text. */
export interface TextAnswer {
  status: number;
  headers: Dispatcher.ResponseData['headers'];
  text: string;
}

/**
 * One exchange over an undici dispatcher with the body read whole as text: what
 * `dispatcher.request()` + `body.text()` give (same status, parsed headers, text with a UTF-8
 * BOM skipped, same errors, the same abort rules), without the Readable stream, its events and
 * the promises request() builds per call (docs/benchmarks.md, "Client"). Every call of the
 * client goes through here.
 */
export function exchangeText(
  dispatcher: Dispatcher,
  options: Dispatcher.DispatchOptions,
  signal: AbortSignal | undefined,
): Promise<TextAnswer> {
  return new Promise((resolve, reject) => {
    dispatcher.dispatch(options, new TextHandler(resolve, reject, signal, options.body));
  });
}

const NO_CHUNKS: readonly Buffer[] = [];

class TextHandler implements Dispatcher.DispatchHandler {
  #resolve: (answer: TextAnswer) => void;
  #reject: (error: unknown) => void;
  #signal: AbortSignal | undefined;
  #requestBody: unknown;
  #controller: Dispatcher.DispatchController | null = null;
  #onAbort: (() => void) | null = null;
  #status = 0;
  #headers: Dispatcher.ResponseData['headers'] = {};
  // Most answers arrive in one chunk: keep it alone, and a list only from the second one.
  #first: Buffer | null = null;
  #chunks: Buffer[] = NO_CHUNKS as Buffer[];
  #length = 0;
  #settled = false;

  constructor(
    resolve: (answer: TextAnswer) => void,
    reject: (error: unknown) => void,
    signal: AbortSignal | undefined,
    requestBody: unknown,
  ) {
    this.#resolve = resolve;
    this.#reject = reject;
    this.#signal = signal;
    this.#requestBody = requestBody;
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.#controller = controller;
    const signal = this.#signal;
    if (signal === undefined) return;
    // As request() does: an abort before or during the exchange ends it with the signal's reason.
    if (signal.aborted) {
      controller.abort(abortReason(signal));
      return;
    }
    this.#onAbort = () => this.#controller?.abort(abortReason(signal));
    signal.addEventListener('abort', this.#onAbort, { once: true });
  }

  onResponseStart(
    _controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: Dispatcher.ResponseData['headers'],
  ): void {
    // 1xx answers are informational; request() skips them the same way.
    if (statusCode < 200) return;
    this.#status = statusCode;
    this.#headers = headers;
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.#length += chunk.length;
    if (this.#first === null) {
      this.#first = chunk;
    } else {
      if (this.#chunks === NO_CHUNKS) this.#chunks = [this.#first];
      this.#chunks.push(chunk);
    }
  }

  onResponseEnd(): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#stopListening();
    const body =
      this.#chunks !== NO_CHUNKS ? Buffer.concat(this.#chunks, this.#length) : this.#first;
    this.#resolve({ status: this.#status, headers: this.#headers, text: decodeUtf8(body) });
  }

  onResponseError(_controller: Dispatcher.DispatchController | null, error: Error): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#stopListening();
    // request() destroys a streamed request body that will not be sent; so does this.
    const body = this.#requestBody as Partial<Readable> | null | undefined;
    if (body != null && typeof body === 'object' && typeof body.destroy === 'function') {
      body.on?.('error', noop);
      body.destroy(error);
    }
    this.#reject(error);
  }

  #stopListening(): void {
    if (this.#onAbort !== null) {
      this.#signal?.removeEventListener('abort', this.#onAbort);
      this.#onAbort = null;
    }
  }
}

function noop(): void {}

function abortReason(signal: AbortSignal): Error {
  return (signal.reason as Error | undefined) ?? new errors.RequestAbortedError();
}

/** `body.text()` of undici: UTF-8, a byte-order mark skipped. */
function decodeUtf8(body: Buffer | null): string {
  if (body === null || body.length === 0) return '';
  const start = body.length > 2 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? 3 : 0;
  return body.toString('utf8', start);
}
