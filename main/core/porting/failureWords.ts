import { MissingCredentialsError, UnknownAccountError } from '../accounts/clientProvider';
import { TwilioError } from '../twilio';
import { KeychainError } from '../vault';

/** Why a call to Twilio did not produce an answer, in words for the agent. */
export interface FailureWords {
  title: string;
  message: string;
  fix: string;
  code: number | null;
  /** No network (or no answer in time): nothing was learnt about the number. */
  offline: boolean;
  /** The account's credentials are the problem. */
  credentials: boolean;
}

export const OFFLINE_WORDS: FailureWords = {
  title: 'Offline',
  message: 'PortDesk cannot reach Twilio: this computer seems to be offline.',
  fix: 'Check the network connection, then run the check again.',
  code: null,
  offline: true,
  credentials: false,
};

/**
 * Only messages written for people pass through (the client's, the keychain's, the account
 * provider's); anything else gets a generic sentence so internals never reach the screen.
 */
export function describeFailure(error: unknown): FailureWords {
  if (error instanceof TwilioError) {
    const offline = error.kind === 'network' || error.kind === 'timeout';
    const credentials = error.kind === 'unauthorized';
    return {
      title: offline
        ? 'No answer from Twilio'
        : credentials
          ? 'Credentials refused'
          : 'Could not check',
      message: error.message,
      fix: offline
        ? 'Check the network connection, then run the check again.'
        : credentials
          ? "Check the account's API key SID and secret in Accounts (Rotate secret)."
          : error.kind === 'rate_limited' || error.kind === 'server'
            ? 'Run the check again in a few minutes.'
            : 'Run the check again; if it keeps failing, contact Twilio porting support.',
      code: error.code,
      offline,
      credentials,
    };
  }
  if (error instanceof MissingCredentialsError || error instanceof KeychainError) {
    return {
      title: 'Credentials unavailable',
      message: error.message,
      fix: 'Open Accounts and make sure the account has its secret.',
      code: null,
      offline: false,
      credentials: true,
    };
  }
  if (error instanceof UnknownAccountError) {
    return {
      title: 'Unknown account',
      message: error.message,
      fix: 'Choose another account for this draft.',
      code: null,
      offline: false,
      credentials: true,
    };
  }
  return {
    title: 'Could not check',
    message: 'Something went wrong inside PortDesk while checking portability.',
    fix: 'Run the check again; if it persists, restart the app.',
    code: null,
    offline: false,
    credentials: false,
  };
}
