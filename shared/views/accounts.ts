// View models: accounts (see ./index.ts).

export type AccountKind = 'twilio' | 'simulator';
export type CredentialKind = 'api_key' | 'auth_token';

export interface AccountView {
  id: string;
  label: string;
  /** AC… — not a secret; shown so the agent can tell two accounts apart. */
  accountSid: string;
  /** `SK…3f9a` for API keys; null for auth-token credentials (the token is never echoed). */
  maskedKeySid: string | null;
  credentialKind: CredentialKind;
  kind: AccountKind;
  createdAt: string;
  /**
   * The account's server clock minus this computer's, in ms (whole seconds), as the `Date`
   * headers of its answers tell it; 0 until one did. Date rules ("at least 7 days ahead") count
   * from today on this clock, as Twilio does (docs/porting.md, "Whose today").
   */
  clockOffsetMs: number;
}

/** What removing an account would take with it; the token must be sent back to confirm. */
export interface AccountRemovalPreview {
  accountId: string;
  label: string;
  confirmationToken: string;
  requestCount: number;
  draftCount: number;
  /** Queued or failed operations that would never be sent. */
  pendingOutboxCount: number;
}
