const REDACTED = '[redacted]';

/**
 * A secret held as a value that refuses to print. Logging it, interpolating it, serialising it to
 * JSON or inspecting it all give `[redacted]`; only `reveal()` returns the text, so every place
 * that really needs the secret (the Authorization header) is visible in a search. It is not
 * encryption: the text is still in this process's memory.
 */
export class Secret {
  readonly #value: string;

  private constructor(value: string) {
    this.#value = value;
  }

  /** Wraps text; empty text is refused because no API key secret is empty. */
  static from(value: string): Secret {
    if (typeof value !== 'string' || value.length === 0) {
      throw new TypeError('secret must be a non-empty string');
    }
    return new Secret(value);
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [Symbol.toPrimitive](): string {
    return REDACTED;
  }

  // util.inspect (console.log, vitest diffs, error printers) asks this symbol before anything else.
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `Secret(${REDACTED})`;
  }
}
