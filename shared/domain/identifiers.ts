/**
 * The shapes of the identifiers PortDesk stores and sends: E.164 numbers and Twilio SIDs. The
 * contract's schemas, the outbox payloads, the store and the porting use cases test against these.
 */

/** A stored phone number: `+`, a country code not starting with 0, 7 to 15 digits in all. */
export const E164_PATTERN = /^\+[1-9]\d{6,14}$/;

/** Two letters naming the resource, then 32 hexadecimal digits (Twilio's SID format). */
export const TWILIO_SID_PATTERNS = {
  /** Account */
  AC: /^AC[0-9a-fA-F]{32}$/,
  /** API key */
  SK: /^SK[0-9a-fA-F]{32}$/,
  /** Port-in request */
  KW: /^KW[0-9a-fA-F]{32}$/,
  /** Port-in phone number */
  PU: /^PU[0-9a-fA-F]{32}$/,
  /** Uploaded document */
  RD: /^RD[0-9a-fA-F]{32}$/,
} as const;

export type TwilioSidPrefix = keyof typeof TWILIO_SID_PATTERNS;

/**
 * Any SID of the kinds above inside free text (Twilio's messages name requests, numbers and
 * documents), built from the same patterns. Global: use with `matchAll`.
 */
export const TWILIO_SID_IN_TEXT = new RegExp(
  `\\b(?:${Object.values(TWILIO_SID_PATTERNS)
    .map((pattern) => pattern.source.slice(1, -1))
    .join('|')})\\b`,
  'g',
);
