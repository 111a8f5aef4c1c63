import { useState } from 'react';
import { Form } from 'react-aria-components';
import {
  AddAccountSchema,
  CredentialInputSchema,
  fieldErrorsFromZod,
  type IpcError,
} from '../../../shared/ipc';
import type { AccountView, CredentialKind } from '../../../shared/views';
import { describeError, fieldErrorMap } from '../../bridge';
import { addAccount, rotateAccountSecret } from '../../store/accountCommands';
import { Button } from '../../ui/Button';
import { RadioGroup, TextField } from '../../ui/fields';
import { Banner } from '../../ui/states';

const credentialOptions = [
  {
    value: 'api_key' as const,
    label: 'API key (recommended)',
    description: 'An API key SID (SK…) and its secret, created in the Twilio Console.',
  },
  {
    value: 'auth_token' as const,
    label: 'Auth token',
    description:
      "The account's primary auth token. Rotating it in Twilio breaks every app using it.",
  },
];

function errorTitle(error: IpcError): string {
  switch (error.code) {
    case 'unauthorized':
      return 'Twilio did not accept these credentials';
    case 'offline':
      return 'Twilio could not be reached';
    case 'keychain_unavailable':
      return 'The system keychain is not available';
    case 'conflict':
      return 'This account is already connected';
    default:
      return 'The account was not added';
  }
}

/**
 * Main's sentence already says what to check for the credential kind that was tried; a lost API
 * key secret cannot be shown again, so the agent needs a new key.
 */
function errorAdvice(error: IpcError, kind: CredentialKind): string {
  if (error.code === 'unauthorized' && kind === 'api_key') {
    return `${describeError(error)} Twilio shows an API key's secret only once: if it is lost, create a new key in the Twilio Console.`;
  }
  return describeError(error);
}

/**
 * Add a Twilio account, or rotate the secret of one (`rotate`). The credentials are tested with
 * Twilio by main before anything is stored; the secret lives in this form's state only until
 * it is sent, and is cleared whatever the outcome.
 */
export function AccountForm({
  rotate,
  onDone,
  onCancel,
  submitLabel,
}: {
  rotate?: AccountView;
  onDone: (account: AccountView) => void;
  onCancel?: () => void;
  submitLabel?: string;
}) {
  const [label, setLabel] = useState(rotate?.label ?? '');
  const [accountSid, setAccountSid] = useState(rotate?.accountSid ?? '');
  const [kind, setKind] = useState<CredentialKind>(rotate?.credentialKind ?? 'api_key');
  const [keySid, setKeySid] = useState('');
  const [secret, setSecret] = useState('');
  const [authToken, setAuthToken] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  // With the credential kind that was tried: the advice stays right if the agent switches kind.
  const [formError, setFormError] = useState<{ error: IpcError; kind: CredentialKind } | null>(
    null,
  );
  const [busy, setBusy] = useState(false);

  const credential =
    kind === 'api_key'
      ? { kind, keySid: keySid.trim(), secret: secret.trim() }
      : { kind, authToken: authToken.trim() };

  async function submit() {
    setFormError(null);
    const check = rotate
      ? CredentialInputSchema.safeParse(credential)
      : AddAccountSchema.safeParse({ label, accountSid: accountSid.trim(), credential });
    if (!check.success) {
      const fields = fieldErrorsFromZod(check.error).map((f) => ({
        ...f,
        field: rotate ? `credential.${f.field}` : f.field,
      }));
      setErrors(fieldErrorMap(fields));
      return;
    }
    setErrors({});
    setBusy(true);
    const result = rotate
      ? await rotateAccountSecret(rotate.id, credential)
      : await addAccount({ label: label.trim(), accountSid: accountSid.trim(), credential });
    setBusy(false);
    // The secret is never kept after it was sent, whatever the outcome.
    setSecret('');
    setAuthToken('');
    if (!result.ok) {
      setErrors(fieldErrorMap(result.error.fields));
      setFormError({ error: result.error, kind });
      return;
    }
    onDone(result.data);
  }

  return (
    <Form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      aria-label={rotate ? `Rotate the secret of ${rotate.label}` : 'Connect a Twilio account'}
    >
      {formError ? (
        <Banner tone="danger" title={errorTitle(formError.error)} role="alert">
          {errorAdvice(formError.error, formError.kind)}
        </Banner>
      ) : null}
      {rotate ? null : (
        <>
          <TextField
            label="Name"
            value={label}
            onChange={setLabel}
            isRequired
            error={errors.label}
            placeholder="e.g. Acme production"
            description="How this account appears in PortDesk."
            autoFocus
          />
          <TextField
            label="Account SID"
            value={accountSid}
            onChange={setAccountSid}
            isRequired
            error={errors.accountSid}
            placeholder="AC…"
            inputClassName="mono"
            description="Starts with AC; on your Twilio Console dashboard."
            spellCheck="false"
            autoComplete="off"
          />
        </>
      )}
      <RadioGroup
        label="Credentials"
        value={kind}
        onChange={setKind}
        options={credentialOptions}
        cards
      />
      {kind === 'api_key' ? (
        <div className="form-grid form-grid--2">
          <TextField
            label="API key SID"
            value={keySid}
            onChange={setKeySid}
            isRequired
            error={errors['credential.keySid']}
            placeholder="SK…"
            inputClassName="mono"
            spellCheck="false"
            autoComplete="off"
          />
          <TextField
            label="API key secret"
            type="password"
            value={secret}
            onChange={setSecret}
            isRequired
            error={errors['credential.secret']}
            autoComplete="off"
            description="Stored in the system keychain; never shown again."
          />
        </div>
      ) : (
        <TextField
          label="Auth token"
          type="password"
          value={authToken}
          onChange={setAuthToken}
          isRequired
          error={errors['credential.authToken']}
          autoComplete="off"
          description="Stored in the system keychain; never shown again."
        />
      )}
      <div className="row row--end">
        {onCancel ? (
          <Button onPress={onCancel} isDisabled={busy}>
            Cancel
          </Button>
        ) : null}
        <Button type="submit" variant="primary" isDisabled={busy}>
          {busy ? <span className="spinner" aria-hidden="true" /> : null}
          {busy ? 'Testing with Twilio…' : (submitLabel ?? 'Test and save')}
        </Button>
      </div>
    </Form>
  );
}
