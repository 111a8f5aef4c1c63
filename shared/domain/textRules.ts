/**
 * What text an agent may type into PortDesk. Free text crosses IPC, lands in SQLite's FTS index,
 * and comes back in tray text, pop-ups and the LOA Twilio sends, so characters that are not text
 * (NUL, escape, line breaks in a one-line field, bidirectional overrides that reorder what is
 * shown, halves of a surrogate pair) are refused with a message that says which and where.
 * Pure: the contract's schemas, main's checks and the renderer's forms use the same functions.
 */

// The point of these patterns is to find control characters.
/* eslint-disable no-control-regex */
/** C0 controls, DEL and C1 controls (Unicode category Cc). */
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
/** The same, less tab and line feed: what a multi-line field allows. */
const CONTROL_EXCEPT_TAB_AND_NEWLINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
/* eslint-enable no-control-regex */
/** Embeddings, overrides and isolates: LRE RLE PDF LRO RLO, LRI RLI FSI PDI. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/** `U+0000` */
export function codePointLabel(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

const CONTROL_NAMES: Readonly<Record<number, string>> = {
  0x00: 'a NUL character',
  0x09: 'a tab',
  0x0a: 'a line break',
  0x0d: 'a carriage return',
  0x1b: 'an escape character',
  0x7f: 'a delete character',
};

function describeControl(char: string): string {
  const name = CONTROL_NAMES[char.codePointAt(0) ?? -1];
  return `${name ?? 'a control character'} (${codePointLabel(char)})`;
}

/** The index of the first unpaired surrogate, or -1 when the text is well formed. */
export function loneSurrogateIndex(text: string): number {
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i += 1;
        continue;
      }
      return i;
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) return i;
  }
  return -1;
}

/** "at character 4" (1-based, counting UTF-16 units as the input box does). */
function at(index: number): string {
  return `at character ${index + 1}`;
}

/**
 * Why free text cannot be taken as typed, or null when it can. A single-line field refuses
 * every control character; a multi-line one allows tab and line feed.
 */
export function freeTextProblem(
  text: string,
  options: { multiLine?: boolean } = {},
): string | null {
  const pattern = options.multiLine ? CONTROL_EXCEPT_TAB_AND_NEWLINE : CONTROL;
  const match = pattern.exec(text);
  if (match) {
    return `Remove ${describeControl(match[0])} ${at(match.index)}: this field takes plain text only.`;
  }
  return null;
}

/**
 * Why a one-line name (an account label, a customer or representative name, an address line, a
 * file name) cannot be taken, or null when it can: no control characters, no bidirectional
 * embeddings, overrides or isolates (they can make a label read as something else in the tray
 * and pop-ups), and no unpaired surrogate (half of an emoji, left by a bad paste).
 */
export function singleLineNameProblem(text: string): string | null {
  const control = freeTextProblem(text);
  if (control) return control;
  const bidi = BIDI_CONTROL.exec(text);
  if (bidi) {
    return `Remove the invisible text-direction character ${codePointLabel(bidi[0])} ${at(bidi.index)}: it changes how the name is displayed.`;
  }
  const lone = loneSurrogateIndex(text);
  if (lone >= 0) {
    return `Remove the broken character ${at(lone)} (half of an emoji or symbol, often left by a paste).`;
  }
  return null;
}

/** Names are stored composed (NFC), so "é" typed two ways is one name, one search match. */
export function normaliseName(text: string): string {
  return text.normalize('NFC');
}
