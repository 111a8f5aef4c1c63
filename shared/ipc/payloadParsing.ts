/** Payload parsing for main, the preload and test fakes; zod issues become field errors. */
import type { z } from 'zod';
import { fail, type IpcError, type IpcFieldError } from './envelope';
import { eventContract, type EventMethod, type EventPayloadOf } from './eventContract';
import { invokeContract, type InvokeMethod, type PayloadOf } from './invokeContract';

/**
 * The most field errors one refusal lists. A hostile sender can put a million unknown keys in a
 * payload; the refusal (and anything that logs it) stays a few kilobytes whatever it sends.
 */
export const MAX_FIELD_ERRORS = 50;
/** How much of an unknown key's name a refusal echoes. */
export const MAX_ECHOED_KEY_LENGTH = 64;
/** How long a field path may grow (nested unknown keys under long known paths). */
const MAX_FIELD_PATH_LENGTH = 200;

/** A name from the payload, cut and with control characters escaped, safe to echo and log. */
function echoed(name: string, max: number): string {
  const cut = name.length > max ? `${name.slice(0, max)}…` : name;
  // JSON's escaping, without its quotes: a newline in a key cannot start a fake log line.
  return JSON.stringify(cut).slice(1, -1);
}

/**
 * zod issues → field errors with dotted paths; unknown keys are reported one by one, their names
 * cut to MAX_ECHOED_KEY_LENGTH, and at most MAX_FIELD_ERRORS entries (the last one then says how
 * many more problems there were).
 */
export function fieldErrorsFromZod(error: z.ZodError): IpcFieldError[] {
  const fields: IpcFieldError[] = [];
  let problems = 0;
  const add = (field: string, message: string) => {
    problems += 1;
    if (fields.length < MAX_FIELD_ERRORS) fields.push({ field, message });
  };
  for (const issue of error.issues) {
    const base = echoed(issue.path.map(String).join('.'), MAX_FIELD_PATH_LENGTH);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys.slice(0, MAX_FIELD_ERRORS)) {
        const name = echoed(key, MAX_ECHOED_KEY_LENGTH);
        add(base ? `${base}.${name}` : name, `Unexpected field "${name}"`);
      }
      // Counted, not walked: the names past the cap are never read.
      problems += Math.max(0, issue.keys.length - MAX_FIELD_ERRORS);
    } else {
      add(base || '(payload)', issue.message);
    }
  }
  if (problems > MAX_FIELD_ERRORS) {
    const unlisted = problems - (MAX_FIELD_ERRORS - 1);
    fields[MAX_FIELD_ERRORS - 1] = {
      field: '(payload)',
      message: `${unlisted.toLocaleString('en-US')} more problems not listed`,
    };
  }
  return fields;
}

export function parseInvokePayload<M extends InvokeMethod>(
  method: M,
  raw: unknown,
): { ok: true; data: PayloadOf<M> } | { ok: false; error: IpcError } {
  const spec = invokeContract[method];
  // An absent payload means "nothing to say", which every schema with only optional keys accepts.
  const parsed = spec.payload.safeParse(raw === undefined ? {} : raw);
  if (parsed.success) return { ok: true, data: parsed.data as PayloadOf<M> };
  const fields = fieldErrorsFromZod(parsed.error);
  const first = fields[0];
  return {
    ok: false,
    error: fail(
      'invalid_payload',
      first ? `${first.field}: ${first.message}` : `The ${method} request was malformed`,
      fields,
    ),
  };
}

export function parseEventPayload<E extends EventMethod>(
  method: E,
  raw: unknown,
): { ok: true; data: EventPayloadOf<E> } | { ok: false; error: IpcError } {
  const parsed = eventContract[method].payload.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data as EventPayloadOf<E> };
  return {
    ok: false,
    error: fail(
      'invalid_payload',
      `The ${method} event was malformed`,
      fieldErrorsFromZod(parsed.error),
    ),
  };
}
