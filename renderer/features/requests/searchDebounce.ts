/**
 * How long the list waits after a keystroke before it asks main for a search. The store answers
 * phone digits and SID prefixes through indexes in a millisecond or two (docs/benchmarks.md,
 * Store), so those go at once; free text (a customer name) waits a little, because each
 * keystroke of a word would otherwise repaint the list with matches for a fragment. An emptied
 * box goes at once: clearing is final, even if the agent leaves the screen right after.
 */
export const FREE_TEXT_DEBOUNCE_MS = 80;

/** The same reading of "a phone number" as the store's (main/core/store/search.ts). */
const PHONE_TEXT = /^[\d\s().+\-/]+$/;
const SID_PREFIX = /^(kw|pu)[0-9a-f]*$/i;

export function searchDebounceMs(text: string): number {
  const trimmed = text.trim();
  if (trimmed === '') return 0;
  if (PHONE_TEXT.test(trimmed) || SID_PREFIX.test(trimmed)) return 0;
  return FREE_TEXT_DEBOUNCE_MS;
}
