import type { z } from 'zod';
import { DEFER } from './fastReaders';
import { MalformedAnswer, type ResponseReader } from './twilioCaller';

/** A reader for a JSON answer: parse, check the shape, map to the domain. */
export function json<W, T>(schema: z.ZodType<W>, toDomain: (wire: W) => T): ResponseReader<T> {
  return (response) => readWithSchema(parseJson(response.text), schema, toDomain);
}

/**
 * The same reader with a hand-written fast path in front (fastReaders.ts): it checks and maps
 * the usual answer in one pass, and throws DEFER for anything else, which the schema then reads
 * exactly as `json` does (same result, same tolerance, same error messages).
 */
export function fastJson<W, T>(
  schema: z.ZodType<W>,
  toDomain: (wire: W) => T,
  fast: (body: unknown) => T,
): ResponseReader<T> {
  return (response) => {
    const body = parseJson(response.text);
    try {
      return fast(body);
    } catch (error) {
      if (error !== DEFER) throw error;
    }
    return readWithSchema(body, schema, toDomain);
  };
}

/** For answers whose body says nothing (DELETE → 204). */
export function noBody(): void {}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new MalformedAnswer('the body is not JSON');
  }
}

function readWithSchema<W, T>(body: unknown, schema: z.ZodType<W>, toDomain: (wire: W) => T): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new MalformedAnswer(describeIssues(parsed.error));
  return toDomain(parsed.data);
}

function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.map(String).join('.');
    return `${path === '' ? 'the body' : path}: ${issue.message}`;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return `unexpected shape, ${shown.join('; ')}${more}`;
}
