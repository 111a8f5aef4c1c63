import type { Random } from './random';

/** Twilio SID prefixes the simulator issues or checks (PORTING-API §1). */
export type SidPrefix = 'AC' | 'SK' | 'KW' | 'PU' | 'RD' | 'AD' | 'RQ';

const SID_SHAPE: Readonly<Record<SidPrefix, RegExp>> = {
  AC: /^AC[0-9a-fA-F]{32}$/,
  SK: /^SK[0-9a-fA-F]{32}$/,
  KW: /^KW[0-9a-fA-F]{32}$/,
  PU: /^PU[0-9a-fA-F]{32}$/,
  RD: /^RD[0-9a-fA-F]{32}$/,
  AD: /^AD[0-9a-fA-F]{32}$/,
  RQ: /^RQ[0-9a-fA-F]{32}$/,
};

export function isSid(prefix: SidPrefix, value: unknown): value is string {
  return typeof value === 'string' && SID_SHAPE[prefix].test(value);
}

export function newSid(prefix: SidPrefix, random: Random): string {
  return prefix + random.hex(32);
}
