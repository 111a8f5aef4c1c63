import { z } from 'zod';

/**
 * Twilio answers errors in two shapes (PORTING-API §5): the classic REST body
 * `{code, message, more_info, status, details?}` and the RFC 9457 problem body
 * `{type, title, status, detail?, instance?, code, errors?: [{detail, pointer}]}`.
 * Each field is read on its own (`.catch(null)`), so one odd field never hides the others.
 */
const lenientString = z.string().nullish().catch(null);
const lenientCode = z
  .union([z.number(), z.string()])
  .nullish()
  .catch(null)
  .transform(toIntegerOrNull);

const problemItem = z.object({ detail: lenientString, pointer: lenientString });

const errorBodySchema = z.object({
  code: lenientCode,
  message: lenientString,
  more_info: lenientString,
  details: z.unknown().optional(),
  type: lenientString,
  title: lenientString,
  detail: lenientString,
  errors: z.array(problemItem).nullish().catch(null),
});

export interface TwilioErrorBody {
  code: number | null;
  /** Twilio's own words, or null when the body said nothing usable. */
  message: string | null;
  moreInfo: string | null;
  /** Blamed fields as dotted domain paths (see `wireFieldToDomainPath`). */
  fields: string[];
}

const EMPTY: TwilioErrorBody = { code: null, message: null, moreInfo: null, fields: [] };

/** Never throws: a body that is not JSON (an HTML error page from a proxy) yields nulls. */
export function parseErrorBody(text: string): TwilioErrorBody {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return EMPTY;
  }
  const parsed = errorBodySchema.safeParse(json);
  if (!parsed.success) return EMPTY;
  const body = parsed.data;

  const problems = body.errors ?? [];
  const problemDetails = problems
    .map((p) => p.detail)
    .filter((d): d is string => typeof d === 'string' && d.length > 0);
  const headline = body.message ?? body.detail ?? body.title ?? null;
  const message =
    problemDetails.length > 0
      ? [headline, problemDetails.join('; ')].filter((part) => part != null).join(': ')
      : headline;

  const moreInfo =
    body.more_info ?? (body.type != null && /^https?:\/\//.test(body.type) ? body.type : null);

  const wireFields = [
    ...problems.map((p) => p.pointer).filter((p): p is string => typeof p === 'string'),
    ...fieldsFromClassicDetails(body.details),
  ];
  const fields = [...new Set(wireFields.map(wireFieldToDomainPath).filter((f) => f.length > 0))];

  return { code: body.code, message: message === '' ? null : message, moreInfo, fields };
}

/** The classic body's `details` has no fixed shape; pick up the field names it may carry. */
function fieldsFromClassicDetails(details: unknown): string[] {
  if (details == null || typeof details !== 'object') return [];
  const record = details as Record<string, unknown>;
  const found: string[] = [];
  for (const key of ['field', 'pointer', 'param', 'parameter']) {
    const value = record[key];
    if (typeof value === 'string') found.push(value);
  }
  for (const key of ['fields', 'pointers', 'params']) {
    const value = record[key];
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item === 'string') found.push(item);
    }
  }
  return found;
}

// Wire names that do not follow the plain snake_case → camelCase rule in PortInCreateInput.
const DOMAIN_SEGMENT: Readonly<Record<string, string>> = {
  losing_carrier_information: 'losingCarrier',
  street_2: 'street2',
};

/**
 * `/losing_carrier_information/address/street_2` (RFC 6901 pointer, `#/…` or dotted) →
 * `losingCarrier.address.street2`, the path of the same field in PortInCreateInput, so the
 * form that built the request can mark it.
 */
export function wireFieldToDomainPath(pointer: string): string {
  const trimmed = pointer.trim().replace(/^#/, '');
  const segments = trimmed.startsWith('/') ? trimmed.slice(1).split('/') : trimmed.split('.');
  return segments
    .filter((s) => s.length > 0)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => DOMAIN_SEGMENT[s] ?? snakeToCamel(s))
    .join('.');
}

function snakeToCamel(segment: string): string {
  const camel = segment.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  return camel.charAt(0).toLowerCase() + camel.slice(1);
}

export function toIntegerOrNull(value: number | string | null | undefined): number | null {
  if (typeof value === 'number') return Number.isInteger(value) ? value : null;
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number.parseInt(value, 10);
  return null;
}
