import type { z } from 'zod';
import { MalformedAnswer, type ResponseReader } from './twilioCaller';

/** A reader for a JSON answer: parse, check the shape, map to the domain. */
export function json<W, T>(schema: z.ZodType<W>, toDomain: (wire: W) => T): ResponseReader<T> {
  return (response) => {
    let body: unknown;
    try {
      body = JSON.parse(response.text);
    } catch {
      throw new MalformedAnswer('the body is not JSON');
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new MalformedAnswer(describeIssues(parsed.error));
    return toDomain(parsed.data);
  };
}

/** For answers whose body says nothing (DELETE → 204). */
export function noBody(): void {}

function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.map(String).join('.');
    return `${path === '' ? 'the body' : path}: ${issue.message}`;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return `unexpected shape, ${shown.join('; ')}${more}`;
}
