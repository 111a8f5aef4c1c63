import { IpcCommandError, type CredentialInput } from '../../../shared/ipc';
import { PortingClient, TwilioError } from '../twilio';

export interface CredentialCheckTarget {
  accountSid: string;
  credential: CredentialInput;
  baseUrl: string;
  uploadBaseUrl: string;
}

/** The Basic-auth user name Twilio expects for each kind of credential. */
export function usernameFor(accountSid: string, credential: CredentialInput): string {
  return credential.kind === 'api_key' ? credential.keySid : accountSid;
}

export function secretOf(credential: CredentialInput): string {
  return credential.kind === 'api_key' ? credential.secret : credential.authToken;
}

/**
 * Tests credentials with one cheap authenticated call (the first page of the port-in list, one
 * row) before anything is stored, and explains a refusal in words that point at the field.
 * With an API key Twilio checks the key and secret; the Account SID is checked by the first
 * create. With an auth token a wrong Account SID and a wrong token look the same to Twilio.
 */
export async function checkCredentials(target: CredentialCheckTarget): Promise<void> {
  const client = new PortingClient({
    credentials: {
      username: usernameFor(target.accountSid, target.credential),
      password: secretOf(target.credential),
    },
    accountSid: target.accountSid,
    baseUrl: target.baseUrl,
    uploadBaseUrl: target.uploadBaseUrl,
    retry: { maxAttempts: 2 },
  });
  try {
    await client.listPortInsPage({ size: 1 });
  } catch (error) {
    throw explainCredentialFailure(error, target.credential);
  } finally {
    await client.close();
  }
}

function explainCredentialFailure(error: unknown, credential: CredentialInput): unknown {
  if (!(error instanceof TwilioError)) return error;
  if (error.kind === 'unauthorized') {
    return credential.kind === 'api_key'
      ? new IpcCommandError(
          'unauthorized',
          'Twilio did not accept this API key SID and secret. Check that the key SID starts with SK and that the secret is the one shown when the key was created.',
          [
            {
              field: 'credential.keySid',
              message: 'Twilio did not accept this key SID with this secret',
            },
            { field: 'credential.secret', message: 'Twilio did not accept this secret' },
          ],
        )
      : new IpcCommandError(
          'unauthorized',
          'Twilio did not accept this Account SID and auth token together. Check both: copy them again from the Twilio Console.',
          [
            {
              field: 'accountSid',
              message: 'Twilio did not accept this Account SID with this token',
            },
            { field: 'credential.authToken', message: 'Twilio did not accept this auth token' },
          ],
        );
  }
  if (error.kind === 'network' || error.kind === 'timeout') {
    return new IpcCommandError(
      'offline',
      'PortDesk could not reach Twilio to test these credentials. Check the network connection and try again; nothing was saved.',
    );
  }
  return new IpcCommandError('twilio_error', `Twilio refused the test call: ${error.message}`);
}
