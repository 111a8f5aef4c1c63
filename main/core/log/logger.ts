/**
 * The one logger the core writes through; the host passes its own (redacting, to a file or the
 * console). Levels say who must act: `info`/`warn` for expected refusals (wrong credentials,
 * not found, validation, Twilio 4xx) — written without a stack; `error` for bugs — with one.
 */
export interface Logger {
  debug(message: string, details?: unknown): void;
  info(message: string, details?: unknown): void;
  warn(message: string, details?: unknown): void;
  error(message: string, details?: unknown): void;
}

export type LogLevel = keyof Logger;

/** The fallback when a caller passes no logger: the console, levels kept. */
export const CONSOLE_LOGGER: Logger = {
  debug: (message, details) => console.debug(message, ...(details === undefined ? [] : [details])),
  info: (message, details) => console.info(message, ...(details === undefined ? [] : [details])),
  warn: (message, details) => console.warn(message, ...(details === undefined ? [] : [details])),
  error: (message, details) => console.error(message, ...(details === undefined ? [] : [details])),
};
