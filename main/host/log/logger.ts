import type { LogLevel, Logger } from '../../core/log/logger';
import { redactSecrets } from './redact';

// The core defines the interface (it logs through it); the hosts implement it here.
export type { LogLevel, Logger };

/**
 * A tiny logger: one line per call (`<ISO time> <LEVEL> <message> <details>`), details rendered
 * as JSON (errors as name, message and stack), the whole line passed through `redactSecrets`.
 * Where the line goes is the caller's choice (a file, the console, a test array).
 */
export function createLogger(
  write: (line: string, level: LogLevel) => void,
  now: () => Date = () => new Date(),
): Logger {
  const log = (level: LogLevel) => (message: string, details?: unknown) => {
    const tail = details === undefined ? '' : ` ${renderDetails(details)}`;
    const line = `${now().toISOString()} ${level.toUpperCase()} ${message}${tail}`;
    try {
      write(redactSecrets(line), level);
    } catch {
      // Logging must never take the app down (a full disk, a closed stream).
    }
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

function renderDetails(details: unknown): string {
  if (details instanceof Error) return renderError(details);
  try {
    return (
      JSON.stringify(details, (_key, value: unknown) => {
        if (value instanceof Error) return renderError(value);
        if (typeof value === 'bigint') return value.toString();
        if (value instanceof Uint8Array) return `<${value.byteLength} bytes>`;
        if (isSerialisedBuffer(value)) return `<${value.data.length} bytes>`;
        return value;
      }) ?? String(details)
    );
  } catch {
    return '<details that cannot be shown>';
  }
}

/** Buffer's toJSON runs before the replacer sees it: `{ type: 'Buffer', data: [...] }`. */
function isSerialisedBuffer(value: unknown): value is { type: 'Buffer'; data: unknown[] } {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { type?: unknown; data?: unknown };
  return candidate.type === 'Buffer' && Array.isArray(candidate.data);
}

function renderError(error: Error): string {
  const cause = error.cause instanceof Error ? ` (cause: ${renderError(error.cause)})` : '';
  return `${error.stack ?? `${error.name}: ${error.message}`}${cause}`;
}

/** A logger for the console (the browser host and development); debug lines are left out. */
export function consoleLogger(): Logger {
  return createLogger((line, level) => {
    if (level === 'error') console.error(line);
    else if (level === 'warn') console.warn(line);
    else if (level === 'info') console.log(line);
  });
}
