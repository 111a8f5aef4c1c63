export { PortingClient, type PortingClientOptions } from './portingClient';
export type { CallOptions } from './twilioCaller';
export type { PortabilityOutcome } from './portabilityCalls';
export { TwilioError, isTwilioError } from './twilioError';
