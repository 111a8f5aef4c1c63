export type KeychainOperation = 'save' | 'read' | 'delete' | 'probe';

/** Why no keychain answered: none reachable at all, or one that is there but locked/unusable. */
export type KeychainUnavailableReason = 'unreachable' | 'locked';

interface KeychainErrorContext {
  operation: KeychainOperation;
  service: string;
  accountKey: string | null;
}

/**
 * A keychain call failed. The message says what happened and what to do; it never contains the
 * secret, and the native error is deliberately not kept as `cause` (native messages can echo
 * their arguments) — only a scrubbed copy of its text, in `detail`.
 */
export class KeychainError extends Error {
  override name = 'KeychainError';
  readonly operation: KeychainOperation;
  readonly service: string;
  readonly accountKey: string | null;
  /** What the keychain itself said, with the secret removed; empty when it said nothing usable. */
  readonly detail: string;

  constructor(message: string, context: KeychainErrorContext, detail: string) {
    super(message);
    this.operation = context.operation;
    this.service = context.service;
    this.accountKey = context.accountKey;
    this.detail = detail;
  }
}

/** No keychain answered, or it is locked. PortDesk never falls back to storing secrets elsewhere. */
export class KeychainUnavailableError extends KeychainError {
  override name = 'KeychainUnavailableError';
  readonly reason: KeychainUnavailableReason;

  constructor(
    message: string,
    context: KeychainErrorContext,
    detail: string,
    reason: KeychainUnavailableReason,
  ) {
    super(message, context, detail);
    this.reason = reason;
  }
}

// keyring-rs error texts (its Display impl), which @napi-rs/keyring passes through as messages.
const PLATFORM_FAILURE = 'Platform failure: ';
const NO_STORAGE_ACCESS = "Couldn't access platform storage: ";
const AMBIGUOUS = 'Entry is matched by';
const BAD_ENCODING = /not (?:utf-?8|valid utf)|utf-?8 encod/i;

const MAX_DETAIL_LENGTH = 300;

function nativeMessage(error: unknown): string {
  if (error instanceof Error && typeof error.message === 'string') return error.message;
  return '';
}

/** The native text with every copy of the secret removed, on one line, and bounded. */
function scrub(text: string, secret: string | undefined): string {
  const withoutSecret = secret ? text.split(secret).join('[redacted]') : text;
  const oneLine = withoutSecret.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_DETAIL_LENGTH ? `${oneLine.slice(0, MAX_DETAIL_LENGTH)}…` : oneLine;
}

const OPERATION_WORDS: Record<KeychainOperation, string> = {
  save: 'save the credentials',
  read: 'read the credentials',
  delete: 'delete the credentials',
  probe: 'reach the keychain',
};

/**
 * The message's first sentence. It names no account: the keychain item is named by the local
 * account id, which means nothing to an agent (the error object keeps it, for logs).
 */
function opening(context: KeychainErrorContext): string {
  return `Could not ${OPERATION_WORDS[context.operation]}.`;
}

function unavailableAdvice(platform: NodeJS.Platform, reason: KeychainUnavailableReason): string {
  switch (platform) {
    case 'linux':
    case 'freebsd':
    case 'openbsd':
      return reason === 'locked'
        ? 'PortDesk keeps Twilio credentials in your system keychain, and it is locked or has no ' +
            'default keyring. Unlock it (for example in Passwords and Keys / Seahorse, or by ' +
            'logging in to a desktop session), allow PortDesk if asked, and try again.'
        : 'PortDesk keeps Twilio credentials in your system keychain, and none answered: this ' +
            'computer has no Secret Service running. Install one — GNOME Keyring (gnome-keyring), ' +
            'KWallet, or KeePassXC with its Secret Service integration turned on — and log in to a ' +
            'desktop session so it runs and is unlocked; then try again. Demo mode works without ' +
            'it.';
    case 'darwin':
      return (
        'PortDesk keeps Twilio credentials in your macOS Keychain, and it did not answer. Unlock ' +
        'your login keychain in Keychain Access (or log out and in again), click Allow when macOS ' +
        'asks about PortDesk, and try again.'
      );
    case 'win32':
      return (
        'PortDesk keeps Twilio credentials in Windows Credential Manager, and it did not answer. ' +
        'Sign in to Windows with your own user account (Credential Manager is per user and is not ' +
        'available to services), and try again.'
      );
    default:
      return (
        `PortDesk keeps Twilio credentials in your system keychain, and none answered on this ` +
        `system (${platform}). PortDesk needs a system keychain to store credentials.`
      );
  }
}

/**
 * Turns whatever the native layer threw into a KeychainError that is safe to show and log.
 * `secret` is the value being written, if any, so that an echo of it can be scrubbed.
 */
export function toKeychainError(
  error: unknown,
  context: KeychainErrorContext,
  platform: NodeJS.Platform,
  secret?: string,
): KeychainError {
  const raw = nativeMessage(error);
  const notSavedElsewhere =
    context.operation === 'save' ? ' The credentials were not saved anywhere else.' : '';

  const unavailableReason: KeychainUnavailableReason | null = raw.startsWith(NO_STORAGE_ACCESS)
    ? 'locked'
    : raw.startsWith(PLATFORM_FAILURE)
      ? 'unreachable'
      : null;
  if (unavailableReason) {
    const detail = scrub(
      raw.slice(
        unavailableReason === 'locked' ? NO_STORAGE_ACCESS.length : PLATFORM_FAILURE.length,
      ),
      secret,
    );
    // What the keychain said (D-Bus text) stays in `detail` for logs and support, not in the words
    // the agent reads: it names buses and sockets, not what to do.
    const message = `${opening(context)} ${unavailableAdvice(platform, unavailableReason)}${notSavedElsewhere}`;
    return new KeychainUnavailableError(message, context, detail, unavailableReason);
  }

  if (raw.startsWith(AMBIGUOUS)) {
    return new KeychainError(
      `${opening(context)} More than one keychain item matches service "${context.service}" and ` +
        `this account; another program wrote a duplicate. Remove the extra items in your keychain ` +
        `manager and try again.`,
      context,
      // The ambiguous-entry text lists the matching items, which can include stored values.
      '',
    );
  }
  if (BAD_ENCODING.test(raw)) {
    return new KeychainError(
      `${opening(context)} The stored item is not text. Remove the account's credentials and ` +
        `enter them again.`,
      context,
      // The undecodable bytes may be the stored secret: keep none of it.
      '',
    );
  }
  const detail = scrub(raw, secret);
  return new KeychainError(
    `${opening(context)} The keychain refused the request.${notSavedElsewhere}` +
      (detail ? ` (The keychain said: ${detail})` : ''),
    context,
    detail,
  );
}
