import { useState } from 'react';
import { Form } from 'react-aria-components';
import type { AccountRemovalPreview, AccountView } from '../../../shared/views';
import { fieldErrorMap } from '../../bridge';
import { prepareRemoveAccount, removeAccount, renameAccount } from '../../store/accountCommands';
import { useApp } from '../../store/appStore';
import { Button } from '../../ui/Button';
import { ConfirmDialog, ModalDialog } from '../../ui/Dialog';
import { TextField } from '../../ui/fields';
import { formatCalendarDate, plural } from '../../ui/format';
import { IconPlus, IconSimulator } from '../../ui/icons';
import { Screen } from '../../ui/Screen';
import { EmptyState } from '../../ui/states';
import { AccountForm } from './AccountForm';
import { WebhookDialog } from './WebhookDialog';

type Dialog =
  | { kind: 'add' }
  | { kind: 'rename'; account: AccountView }
  | { kind: 'rotate'; account: AccountView }
  | { kind: 'webhooks'; account: AccountView }
  | { kind: 'remove'; preview: AccountRemovalPreview };

/** Connected accounts: add, rename, rotate the secret, remove. Secrets are never shown. */
export function AccountsScreen() {
  const accounts = useApp((s) => s.accounts);
  const loadAccounts = useApp((s) => s.loadAccounts);
  const toast = useApp((s) => s.toast);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [busy, setBusy] = useState(false);

  async function prepareRemove(account: AccountView) {
    const preview = await prepareRemoveAccount(account.id);
    if (preview) setDialog({ kind: 'remove', preview });
  }

  async function remove(preview: AccountRemovalPreview) {
    setBusy(true);
    await removeAccount(preview);
    setBusy(false);
    setDialog(null);
  }

  const close = () => setDialog(null);

  return (
    <Screen
      title="Accounts"
      subtitle="Twilio accounts PortDesk works with. Secrets stay in the system keychain."
      actions={
        <Button variant="primary" onPress={() => setDialog({ kind: 'add' })}>
          <IconPlus /> Add a Twilio account
        </Button>
      }
    >
      {accounts.length === 0 ? (
        <EmptyState title="No accounts">Add a Twilio account to start.</EmptyState>
      ) : (
        <ul className="account-list">
          {accounts.map((account) => (
            <li key={account.id} className="account-item card">
              <div className="card__body row">
                <div className="grow stack" style={{ gap: 2 }}>
                  <p className="account-item__label">
                    {account.label}
                    {account.kind === 'simulator' ? (
                      <span className="chip chip--plain tone-purple">
                        <IconSimulator size={12} /> Built-in simulator
                      </span>
                    ) : null}
                  </p>
                  <p className="muted small">
                    <span className="mono">{account.accountSid}</span>
                    {' · '}
                    {account.credentialKind === 'api_key' ? (
                      <>
                        API key <span className="mono">{account.maskedKeySid}</span>
                      </>
                    ) : (
                      'Auth token'
                    )}
                    {' · added '}
                    {formatCalendarDate(account.createdAt.slice(0, 10))}
                  </p>
                </div>
                <Button size="sm" onPress={() => setDialog({ kind: 'webhooks', account })}>
                  Webhooks
                </Button>
                <Button size="sm" onPress={() => setDialog({ kind: 'rename', account })}>
                  Rename
                </Button>
                {account.kind === 'twilio' ? (
                  <Button size="sm" onPress={() => setDialog({ kind: 'rotate', account })}>
                    Replace secret
                  </Button>
                ) : null}
                <Button size="sm" variant="ghost" onPress={() => void prepareRemove(account)}>
                  Remove…
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}

      <ModalDialog
        isOpen={dialog?.kind === 'add'}
        onOpenChange={(open) => !open && close()}
        title="Add a Twilio account"
      >
        <AccountForm
          onCancel={close}
          onDone={(account) => {
            close();
            void loadAccounts();
            toast('success', `${account.label} is connected.`);
          }}
        />
      </ModalDialog>

      {dialog?.kind === 'rotate' ? (
        <ModalDialog
          isOpen
          onOpenChange={(open) => !open && close()}
          title={`Replace the secret of ${dialog.account.label}`}
        >
          <p className="muted">
            PortDesk tests the new credentials with Twilio before they replace the old ones. Create
            a new API key in the Twilio Console, paste it here, then delete the old key there.
          </p>
          <AccountForm
            rotate={dialog.account}
            submitLabel="Test and replace"
            onCancel={close}
            onDone={(account) => {
              close();
              void loadAccounts();
              toast('success', `The credentials of ${account.label} were replaced.`);
            }}
          />
        </ModalDialog>
      ) : null}

      {dialog?.kind === 'rename' ? <RenameDialog account={dialog.account} onClose={close} /> : null}

      {dialog?.kind === 'webhooks' ? (
        <WebhookDialog account={dialog.account} onClose={close} />
      ) : null}

      {dialog?.kind === 'remove' ? (
        <ConfirmDialog
          isOpen
          onOpenChange={(open) => !open && close()}
          title={`Remove ${dialog.preview.label}?`}
          confirmLabel="Remove account"
          danger
          busy={busy}
          onConfirm={() => void remove(dialog.preview)}
        >
          <p>
            PortDesk forgets this account and deletes its credentials from the keychain, with the{' '}
            {plural(dialog.preview.requestCount, 'request')} and{' '}
            {plural(dialog.preview.draftCount, 'draft')} stored for it. Nothing changes at Twilio.
          </p>
          {dialog.preview.pendingOutboxCount > 0 ? (
            <p className="text-danger">
              {plural(dialog.preview.pendingOutboxCount, 'change')} in the outbox will never be
              sent.
            </p>
          ) : null}
        </ConfirmDialog>
      ) : null}
    </Screen>
  );
}

function RenameDialog({ account, onClose }: { account: AccountView; onClose: () => void }) {
  const [label, setLabel] = useState(account.label);
  const [errors, setErrors] = useState<Record<string, string>>({});
  async function save() {
    const result = await renameAccount(account.id, label.trim());
    if (!result.ok) {
      setErrors({
        label: result.error.fields
          ? (fieldErrorMap(result.error.fields).label ?? result.error.message)
          : result.error.message,
      });
      return;
    }
    onClose();
  }
  return (
    <ModalDialog
      isOpen
      onOpenChange={(open) => !open && onClose()}
      title={`Rename ${account.label}`}
    >
      <Form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <TextField
          label="Name"
          value={label}
          onChange={setLabel}
          error={errors.label}
          autoFocus
          isRequired
        />
        <div className="dialog__actions">
          <Button onPress={onClose}>Cancel</Button>
          <Button type="submit" variant="primary">
            Save
          </Button>
        </div>
      </Form>
    </ModalDialog>
  );
}
