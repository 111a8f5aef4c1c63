import type { AccountView } from '../../../shared/views';
import type { Account } from '../store';

/** `SK…3f9a`: enough to tell keys apart, never the whole SID. */
export function maskKeySid(keySid: string | null): string | null {
  if (!keySid) return null;
  return `${keySid.slice(0, 2)}…${keySid.slice(-4)}`;
}

/** `clockOffsetMs`: the account's server clock minus ours, 0 while unknown (AccountClocks). */
export function toAccountView(account: Account, clockOffsetMs = 0): AccountView {
  return {
    id: account.id,
    label: account.label,
    accountSid: account.accountSid,
    maskedKeySid: maskKeySid(account.keySid),
    credentialKind: account.credentialKind,
    kind: account.kind,
    createdAt: account.createdAt,
    clockOffsetMs,
  };
}
