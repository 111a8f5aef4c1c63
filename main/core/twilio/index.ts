export { PortingClient, type PortingClientOptions } from './portingClient';
export type { TwilioCredentials } from './httpTransport';
export type { CallOptions } from './twilioCaller';
export type { UploadDocumentInput } from './documentCalls';
export type {
  PortabilityBatchOptions,
  PortabilityCheckOptions,
  PortabilityOutcome,
} from './portabilityCalls';
export type { PortInListPage, PortInListQuery } from './portInPaging';
export type { WebhookType } from './webhookConfigurationCalls';
export { TwilioError, isTwilioError, type TwilioErrorKind } from './twilioError';
export { MAX_DOCUMENT_BYTES, ACCEPTED_DOCUMENT_TYPES } from './documentUpload';
export type { WebhookConfigurationInput } from './requestBodies';
export type { RetrySettings } from './retryPolicy';
