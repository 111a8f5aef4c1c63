/** The payload schemas live with the store, which parses each row once; re-exported here. */
export {
  CancelNumberPayload,
  CancelPortInPayload,
  CreatePortInPayload,
  OUTBOX_PAYLOADS,
  UploadDocumentPayload,
  type OutboxPayloadOf,
} from '../store/outboxPayloads';
