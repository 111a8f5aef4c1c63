import type { OutboxItem, OutboxPayloadOf } from '../store';
import type { PortingClient } from '../twilio';
import type { OutboxSender, StepEnd } from './outboxSend';

/** Uploads a stored bill; its document SID is what the creates depending on it send. */
export async function sendUpload(
  sender: OutboxSender,
  item: OutboxItem,
  payload: OutboxPayloadOf<'upload_document'>,
  client: PortingClient,
  signal: AbortSignal,
): Promise<StepEnd> {
  const { store, readDocumentBytes } = sender.deps;
  const document = store.documents.get(payload.documentId);
  if (document === null) {
    sender.failUpload(item, 'The bill this upload was for has been removed. Add the bill again.');
    return null;
  }
  if (document.twilioSid !== null) {
    // Twilio already holds these bytes (an upload that finished for another draft, or an orphan
    // of an earlier create): the create uses that document; a second copy would be one more
    // orphan at Twilio, which documents no way to delete it.
    store.outbox.update(
      item.id,
      { result: { documentSid: document.twilioSid }, state: 'done', lastError: null },
      sender.isoNow(),
    );
    sender.changed(item, item.draftId, item.requestSid);
    return null;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readDocumentBytes(document.localPath);
  } catch {
    sender.failUpload(
      item,
      `The file of the bill “${document.fileName}” is missing from PortDesk's data folder. Add the bill again.`,
    );
    return null;
  }
  return sender.send(
    item,
    () =>
      client.uploadDocument({
        bytes,
        fileName: document.fileName,
        documentType: 'utility_bill',
        signal,
      }),
    (uploaded) => {
      store.documents.markUploaded(document.id, uploaded.sid, sender.isoNow());
      return { result: { documentSid: uploaded.sid } };
    },
  );
}
