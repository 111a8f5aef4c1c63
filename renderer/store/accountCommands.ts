import type { CredentialInput, Envelope } from '../../shared/ipc';
import type { AccountRemovalPreview, AccountView } from '../../shared/views';
import { describeError, request } from '../bridge';
import { useApp } from './appStore';

// The accounts screen's commands. Forms get main's answer back (its field errors are shown next
// to the fields); the rest say how it went in a toast. The account list lives in the app store.

/** Connects a new account; main tests the credentials with Twilio before it saves anything. */
export function addAccount(input: {
  label: string;
  accountSid: string;
  credential: CredentialInput;
}): Promise<Envelope<AccountView>> {
  return request((b) => b.addAccount(input));
}

export function rotateAccountSecret(
  accountId: string,
  credential: CredentialInput,
): Promise<Envelope<AccountView>> {
  return request((b) => b.rotateAccountSecret({ accountId, credential }));
}

/** Renames an account and, once main took it, lists the accounts again. */
export async function renameAccount(
  accountId: string,
  label: string,
): Promise<Envelope<AccountView>> {
  const result = await request((b) => b.renameAccount({ accountId, label }));
  if (result.ok) await useApp.getState().loadAccounts();
  return result;
}

/** What removing the account takes with it, and the token that confirms it; null if refused. */
export async function prepareRemoveAccount(
  accountId: string,
): Promise<AccountRemovalPreview | null> {
  const result = await request((b) => b.prepareRemoveAccount({ accountId }));
  if (result.ok) return result.data;
  useApp.getState().toast('danger', describeError(result.error));
  return null;
}

export async function removeAccount(preview: AccountRemovalPreview): Promise<void> {
  const { toast, loadAccounts } = useApp.getState();
  const result = await request((b) =>
    b.removeAccount({
      accountId: preview.accountId,
      confirmationToken: preview.confirmationToken,
    }),
  );
  if (!result.ok) {
    toast('danger', `${preview.label} was not removed: ${describeError(result.error)}`);
    return;
  }
  toast('info', `${preview.label} was removed from PortDesk.`);
  await loadAccounts();
}
