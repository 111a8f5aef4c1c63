/** JSON as stored in TEXT columns (checked with json_valid in the schema). */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

/** The column's content is ours and json_valid-checked, so a parse failure is a bug, not input. */
export function fromJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

export function fromJsonOrNull<T>(text: string | null): T | null {
  return text == null ? null : fromJson<T>(text);
}
