import type { Store } from '../store';
import { readDraftPayload } from './draftPayload';
import { removeBillFile } from './billFiles';

function outboxMentions(payload: Record<string, unknown>, documentId: number): boolean {
  if (payload.documentId === documentId) return true;
  const ids = payload.documentIds;
  return Array.isArray(ids) && ids.includes(documentId);
}

/**
 * A bill's document row is forgotten when the last draft lets go of it, unless it was uploaded
 * (its Twilio SID belongs to a request's history and "fix and resubmit" reuses it) or an outbox
 * operation still names it. Call inside the transaction that detached it; returns the local
 * file to delete once that transaction has committed, or null.
 */
export function forgetUnusedDocument(
  store: Store,
  documentId: number,
  detachedFromDraftId: number,
): string | null {
  const document = store.documents.get(documentId);
  if (!document || document.twilioSid !== null) return null;
  const inDraft = store.drafts
    .list()
    .some(
      (draft) =>
        draft.id !== detachedFromDraftId &&
        readDraftPayload(draft.payload).billDocumentId === documentId,
    );
  if (inDraft) return null;
  if (store.outbox.list().some((item) => outboxMentions(item.payload, documentId))) return null;
  store.documents.remove(documentId);
  return document.localPath;
}

/** Deletes the file unless another document row (another account's, say) still points at it. */
export async function deleteFileIfOrphan(store: Store, path: string | null): Promise<void> {
  if (path === null) return;
  const stillUsed = store.accounts
    .list()
    .some((account) => store.documents.list(account.id).some((d) => d.localPath === path));
  if (!stillUsed) await removeBillFile(path);
}
