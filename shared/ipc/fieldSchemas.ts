/** The field schemas every payload is built from: capped text, SIDs, ids, E.164, dates, times. */
import { z } from 'zod';
import { E164_PATTERN, TWILIO_SID_PATTERNS, type TwilioSidPrefix } from '../domain/identifiers';
import { freeTextProblem, normaliseName, singleLineNameProblem } from '../domain/textRules';

/** A string capped at `max` characters (what main sends; the renderer's input is checked below). */
export const text = (max: number, tooLong = `At most ${max} characters`) =>
  z.string().max(max, tooLong);

const refusing =
  (problem: (value: string) => string | null) =>
  (value: string, ctx: z.RefinementCtx<string>): void => {
    const message = problem(value);
    if (message !== null) ctx.addIssue({ code: 'custom', message });
  };

/** One line of free text from the renderer: capped, control characters refused. */
export const singleLineText = (max: number, tooLong?: string) =>
  text(max, tooLong).superRefine(refusing((value) => freeTextProblem(value)));

/** Free text that may span lines: capped, control characters other than tab and newline refused. */
export const multiLineText = (max: number, tooLong?: string) =>
  text(max, tooLong).superRefine(refusing((value) => freeTextProblem(value, { multiLine: true })));

/**
 * A one-line name (account label, customer, representative, address line, file name): capped;
 * control characters, bidirectional overrides and unpaired surrogates refused; stored as NFC.
 */
export const nameText = (max: number, tooLong?: string) =>
  text(max, tooLong).superRefine(refusing(singleLineNameProblem)).overwrite(normaliseName);

const sidOf = (prefix: TwilioSidPrefix, what: string) =>
  z
    .string()
    .regex(
      TWILIO_SID_PATTERNS[prefix],
      `${what} starts with ${prefix} followed by 32 characters 0–9 and a–f`,
    );

export const RequestSidSchema = sidOf('KW', 'A port-in request SID');
export const NumberSidSchema = sidOf('PU', 'A port-in phone number SID');
export const AccountSidSchema = sidOf('AC', 'An Account SID');
export const KeySidSchema = sidOf('SK', 'An API key SID');

export const AccountIdSchema = z.string().min(1, 'Choose an account').max(64);
export const DraftIdSchema = z.int().positive();
export const OutboxIdSchema = z.int().positive();

export const E164Schema = z
  .string()
  .regex(E164_PATTERN, 'Phone numbers are stored in E.164 form, e.g. +14155550123');
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Dates are written YYYY-MM-DD');
/** ISO offset time as the wire wants it: `10:00:00-05:00` (seconds optional, `Z` allowed). */
export const OffsetTimeSchema = z
  .string()
  .regex(
    /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/,
    'Times are written HH:MM:SS±HH:MM, e.g. 10:00:00-05:00',
  );
export const ClockTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Times are written HH:MM (24-hour), e.g. 22:00');

export const SecretSchema = z
  .string()
  .min(8, 'That is too short to be a secret or auth token')
  .max(256, 'At most 256 characters')
  .regex(/^\S+$/, 'A secret has no spaces: check for a stray space or line break when pasting');

/** The payload of a channel that takes nothing. */
export const EmptyPayloadSchema = z.strictObject({});
