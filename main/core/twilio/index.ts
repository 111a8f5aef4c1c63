export {
  PortingClient,
  type CallOptions,
  type PortabilityBatchOptions,
  type PortabilityOutcome,
  type PortInListPage,
  type PortInListQuery,
  type PortingClientOptions,
  type TwilioCredentials,
  type UploadDocumentInput,
  type WebhookType,
} from './portingClient';
export { TwilioError, isTwilioError, type TwilioErrorKind } from './twilioError';
export { MAX_DOCUMENT_BYTES, ACCEPTED_DOCUMENT_TYPES } from './documentUpload';
export type { WebhookConfigurationInput } from './requestBodies';
export type { RetrySettings } from './retryPolicy';
