import type { RequestContext } from './types';

/** "1 number", "3 numbers". Notices are in English; only dates follow the locale. */
export function numbers(count: number): string {
  return `${count} number${count === 1 ? '' : 's'}`;
}

export function days(count: number): string {
  return `${count} day${count === 1 ? '' : 's'}`;
}

/** The customer's name, or the request SID when the request has none yet. */
export function displayName(request: RequestContext): string {
  return request.customerName.trim() || request.sid;
}
