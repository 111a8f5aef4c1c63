import type { Envelope, IpcError, PortdeskBridge } from '../shared/ipc';

/** window.portdesk, or a clear failure when the renderer was opened outside a PortDesk host. */
export function portdesk(): PortdeskBridge {
  const bridge = window.portdesk;
  if (!bridge) {
    throw new Error(
      'window.portdesk is missing: open PortDesk through the app (or npm run start:browser), not the HTML file.',
    );
  }
  return bridge;
}

/**
 * Calls the bridge and always resolves to an envelope: a rejected promise (the host went away, a
 * transport error) becomes an `internal` error in words, so screens handle one shape only.
 */
export async function request<T>(
  call: (bridge: PortdeskBridge) => Promise<Envelope<T>>,
): Promise<Envelope<T>> {
  try {
    return await call(portdesk());
  } catch {
    return {
      ok: false,
      error: {
        code: 'internal',
        message:
          'PortDesk could not reach its background process. Try again; if this keeps happening, restart the app.',
      },
    };
  }
}

/** The sentence to show for an error envelope; field errors are shown next to their fields. */
export function describeError(error: IpcError): string {
  switch (error.code) {
    case 'offline':
      return error.message || 'You are offline. PortDesk will try again when the network is back.';
    case 'keychain_unavailable':
      return (
        error.message ||
        'The system keychain is not available, so PortDesk cannot read or store the credentials.'
      );
    default:
      return error.message;
  }
}

/** Field errors keyed by field path, for forms: the first message per field wins. */
export function fieldErrorMap(
  fields: readonly { field: string; message: string }[] | undefined,
): Record<string, string> {
  const map: Record<string, string> = {};
  for (const { field, message } of fields ?? []) {
    if (!Object.hasOwn(map, field)) map[field] = message;
  }
  return map;
}
