import type { Account, Draft, OutboxItem, Store } from '../store';
import { conflict, notFound } from './errors';

/** Reading drafts and the rules every command that changes one shares. */

export function loadDraft(store: Store, draftId: number): Draft {
  const draft = store.drafts.get(draftId);
  if (!draft) {
    throw notFound('draftId', `There is no draft ${draftId}; it may have been deleted.`);
  }
  return draft;
}

export function loadAccount(store: Store, accountId: string, field = 'accountId'): Account {
  const account = store.accounts.get(accountId);
  if (!account) {
    throw notFound(
      field,
      `There is no account ${accountId}; choose one of the accounts in Accounts.`,
    );
  }
  return account;
}

/** A draft can change while the agent edits it, or after sending it failed; then it is read-only. */
export function requireEditable(draft: Draft): void {
  if (draft.status === 'queued') {
    throw conflict(
      `Draft ${draft.id} is queued to be sent to Twilio and can no longer be changed. To change it, discard its “Create port-in” operation in the Outbox first.`,
      'draftId',
    );
  }
  if (draft.status === 'submitted') {
    throw conflict(
      `Draft ${draft.id} was submitted to Twilio${draft.requestSid ? ` as ${draft.requestSid}` : ''} and can no longer be changed. To correct a rejected request, use “Fix and resubmit” on it.`,
      'draftId',
    );
  }
}

const IN_FLIGHT: ReadonlySet<OutboxItem['state']> = new Set(['sending', 'reconciling']);

/**
 * A failed draft that the agent edits or submits again gets new operations; the old ones carried
 * the old data and are removed (done uploads stay: their document SIDs are reused). An upload
 * that another draft's create still needs is left alone. Call inside a transaction.
 */
export function releaseFailedOperations(store: Store, draft: Draft): void {
  if (draft.status !== 'failed') return;
  const unfinished = store.outbox.list({ draftId: draft.id }).filter((i) => i.state !== 'done');
  if (unfinished.some((item) => IN_FLIGHT.has(item.state))) {
    throw conflict(
      `Draft ${draft.id} is being sent to Twilio right now; wait until the Outbox shows how it went.`,
      'draftId',
    );
  }
  const removing = new Set(unfinished.map((item) => item.id));
  const neededElsewhere = new Set(
    store.outbox
      .list()
      .filter((item) => item.state !== 'done' && !removing.has(item.id))
      .flatMap((item) => item.dependsOn),
  );
  // Dependents were queued after what they depend on: newest first removes them first.
  for (const item of [...unfinished].sort((a, b) => b.id - a.id)) {
    if (!neededElsewhere.has(item.id)) store.outbox.remove(item.id);
  }
}
