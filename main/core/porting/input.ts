import type { z } from 'zod';
import {
  fieldErrorsFromZod,
  parseInvokePayload,
  type InvokeMethod,
  type PayloadOf,
} from '../../../shared/ipc';
import { PortingError } from './errors';

/**
 * Parses a use case's input with the channel's own contract schema. The IPC wrapper already did
 * so for the renderer; parsing again here keeps the use cases safe for every other caller (the
 * browser host, tests, scripts) and costs microseconds. `schema` replaces the contract's where a
 * use case checks something itself with better words.
 */
export function parseInput<M extends InvokeMethod>(method: M, input: unknown): PayloadOf<M>;
export function parseInput<S extends z.ZodType>(
  method: InvokeMethod,
  input: unknown,
  schema: S,
): z.output<S>;
export function parseInput(method: InvokeMethod, input: unknown, schema?: z.ZodType): unknown {
  if (schema === undefined) {
    const parsed = parseInvokePayload(method, input);
    if (parsed.ok) return parsed.data;
    throw new PortingError('invalid_payload', parsed.error.message, parsed.error.fields);
  }
  const parsed = schema.safeParse(input === undefined ? {} : input);
  if (parsed.success) return parsed.data;
  const fields = fieldErrorsFromZod(parsed.error);
  const first = fields[0];
  throw new PortingError(
    'invalid_payload',
    first ? `${first.field}: ${first.message}` : `The ${method} request was malformed`,
    fields,
  );
}
