/**
 * JSON cannot carry bytes, and a bill crosses the bridge as a Uint8Array (ARCHITECTURE §3). Over
 * the browser host's loopback channel every Uint8Array travels as `{ "$bytes": "<base64>" }`
 * and is turned back into a Uint8Array before the payload meets its schema. Pure, and uses only
 * what both Chromium and Node have (btoa/atob), so the page and the host share it.
 */

const BYTES_KEY = '$bytes';
/** Deeper payloads than this are not data any contract channel sends; refuse them. */
export const MAX_PAYLOAD_DEPTH = 32;

export class PayloadTooDeepError extends Error {
  constructor() {
    super(`The payload is nested more than ${MAX_PAYLOAD_DEPTH} levels deep`);
    this.name = 'PayloadTooDeepError';
  }
}

/** Replaces every Uint8Array in `value` by its `{ $bytes }` form (a copy; `value` is untouched). */
export function encodeBytes(value: unknown, depth = 0): unknown {
  if (depth > MAX_PAYLOAD_DEPTH) throw new PayloadTooDeepError();
  if (value instanceof Uint8Array) return { [BYTES_KEY]: bytesToBase64(value) };
  if (Array.isArray(value)) return value.map((item) => encodeBytes(item, depth + 1));
  if (isPlainObject(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = encodeBytes(item, depth + 1);
    return copy;
  }
  return value;
}

/**
 * Turns `{ $bytes }` objects back into Uint8Arrays. Anything else is left as it is: the payload's
 * schema judges it next (a malformed `$bytes` is just an object the schema will refuse).
 */
export function decodeBytes(value: unknown, depth = 0): unknown {
  if (depth > MAX_PAYLOAD_DEPTH) throw new PayloadTooDeepError();
  if (Array.isArray(value)) return value.map((item) => decodeBytes(item, depth + 1));
  if (!isPlainObject(value)) return value;
  const keys = Object.keys(value);
  const encoded = value[BYTES_KEY];
  if (keys.length === 1 && typeof encoded === 'string' && isBase64(encoded)) {
    return base64ToBytes(encoded);
  }
  // Built with defineProperty so a `__proto__` key stays an own key (and the schema refuses it)
  // instead of setting the copy's prototype.
  const copy: Record<string, unknown> = {};
  for (const key of keys) {
    Object.defineProperty(copy, key, {
      value: decodeBytes(value[key], depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // Chunks keep String.fromCharCode's argument list short for a 10 MB bill.
  for (let offset = 0; offset < bytes.length; offset += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  }
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

function isBase64(text: string): boolean {
  return text.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(text);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
