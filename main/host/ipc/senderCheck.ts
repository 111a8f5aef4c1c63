/**
 * What main knows about the frame that sent an IPC message, taken from Electron's event by
 * `ipc/handle.ts` so the decision below stays a pure function tested in Node.
 */
export interface SenderFrame {
  /** `event.sender.id`: the webContents the message came from. */
  webContentsId: number;
  /** `event.senderFrame.url`; null when the frame is gone (navigated away or destroyed). */
  frameUrl: string | null;
  /** `event.senderFrame.parent === null`: the top frame, not an iframe inside it. */
  isTopFrame: boolean;
}

export interface TrustedWindow {
  /** Our window's webContents id; null while no window exists. */
  webContentsId: number | null;
  /** The renderer's origin, e.g. `app://portdesk`. */
  origin: string;
}

/**
 * A message is ours only when it comes from the top frame of our own window showing our own
 * origin. Anything else — another webContents, an iframe, a page that somehow navigated away,
 * a frame already gone — is refused (ARCHITECTURE §9).
 */
export function isTrustedSender(sender: SenderFrame, trusted: TrustedWindow): boolean {
  if (trusted.webContentsId === null || sender.webContentsId !== trusted.webContentsId) {
    return false;
  }
  if (!sender.isTopFrame || sender.frameUrl === null) return false;
  return isSameOrigin(sender.frameUrl, trusted.origin);
}

/**
 * Compares scheme, host and port. WHATWG's `URL.origin` is "null" for schemes Node does not know
 * as special (such as `app:`), so the parts are compared instead. URLs with credentials never
 * match: our pages have none.
 */
export function isSameOrigin(candidate: string, origin: string): boolean {
  let url: URL;
  let expected: URL;
  try {
    url = new URL(candidate);
    expected = new URL(origin);
  } catch {
    return false;
  }
  return (
    url.protocol === expected.protocol &&
    url.host !== '' &&
    url.host === expected.host &&
    url.username === '' &&
    url.password === ''
  );
}
