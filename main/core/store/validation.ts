import type { z } from 'zod';
import { invalidInput } from './errors';

/** Parses input with a zod schema; the first issue becomes an error naming its field. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  return fail(path === '' ? what : `${what}.${path}`, issue?.message ?? 'is invalid');
}

function fail(field: string, problem: string): never {
  throw invalidInput(field, problem);
}
