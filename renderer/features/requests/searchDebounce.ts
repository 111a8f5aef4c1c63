/**
 * How long the list waits after a keystroke before it asks main for a search. The store answers
 * phone digits and SID prefixes through indexes in a millisecond or two (docs/benchmarks.md,
 * Store), so those go at once; an emptied box goes at once too: clearing is final, even if the
 * agent leaves the screen right after.
 *
 * Free text (a customer name) waits a little, to fold bursts of keystrokes (a fast typist, a held
 * key, an input method) into one query instead of one repaint per fragment. At an ordinary
 * typing pace (100–200 ms a key) every key is a query whatever the wait, and that costs little:
 * the store answers a customer search in about a millisecond (FTS5, docs/benchmarks.md). So the
 * wait is nearly all of "last keystroke → rows", and 35 ms keeps that well under issue 13's
 * 100 ms (it was 80 ms, about 100 ms in all).
 */
export const FREE_TEXT_DEBOUNCE_MS = 35;

/** The same reading of "a phone number" as the store's (main/core/store/search.ts). */
const PHONE_TEXT = /^[\d\s().+\-/]+$/;
const SID_PREFIX = /^(kw|pu)[0-9a-f]*$/i;

export function searchDebounceMs(text: string): number {
  const trimmed = text.trim();
  if (trimmed === '') return 0;
  if (PHONE_TEXT.test(trimmed) || SID_PREFIX.test(trimmed)) return 0;
  return FREE_TEXT_DEBOUNCE_MS;
}
