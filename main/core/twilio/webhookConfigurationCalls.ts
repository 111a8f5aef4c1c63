import type { WebhookConfiguration } from '../../../shared/domain';
import { toWebhookConfigurationBody, type WebhookConfigurationInput } from './requestBodies';
import { json, noBody } from './responseReaders';
import type { CallOptions, TwilioCaller } from './twilioCaller';
import { webhookConfigurationWire } from './wireSchemas';
import { toWebhookConfiguration } from './wireToDomain';

export type WebhookType = 'PORT_IN' | 'PORT_OUT';

const CONFIGURATION_PATH = '/v1/Porting/Configuration/Webhook';
const readWebhookConfiguration = json(webhookConfigurationWire, toWebhookConfiguration);

export function getWebhookConfiguration(
  caller: TwilioCaller,
  opts: CallOptions = {},
): Promise<WebhookConfiguration> {
  return caller.call(
    {
      method: 'GET',
      baseUrl: caller.baseUrl,
      path: CONFIGURATION_PATH,
      operation: 'fetch the webhook configuration',
      signal: opts.signal,
    },
    readWebhookConfiguration,
  );
}

/** Replaces the account's whole configuration; expects 201. Safe to resend (an overwrite). */
export function setWebhookConfiguration(
  caller: TwilioCaller,
  cfg: WebhookConfigurationInput,
  opts: CallOptions = {},
): Promise<WebhookConfiguration> {
  return caller.call(
    {
      method: 'POST',
      baseUrl: caller.baseUrl,
      path: CONFIGURATION_PATH,
      operation: 'save the webhook configuration',
      json: toWebhookConfigurationBody(cfg),
      signal: opts.signal,
    },
    readWebhookConfiguration,
    true,
  );
}

export async function deleteWebhookConfiguration(
  caller: TwilioCaller,
  type: WebhookType,
  opts: CallOptions = {},
): Promise<void> {
  if (type !== 'PORT_IN' && type !== 'PORT_OUT') {
    throw new RangeError(`type must be PORT_IN or PORT_OUT (got ${String(type)}).`);
  }
  await caller.call(
    {
      method: 'DELETE',
      baseUrl: caller.baseUrl,
      path: `${CONFIGURATION_PATH}/${type}`,
      operation: `delete the ${type} webhook configuration`,
      signal: opts.signal,
    },
    noBody,
  );
}
