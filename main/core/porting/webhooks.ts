import type { WebhookConfiguration } from '../../../shared/domain';
import type { PayloadInput, WebhookConfigurationView } from '../../../shared/ipc';
import { TwilioError } from '../twilio';
import type { PortingDeps } from './deps';
import { notFound } from './errors';
import { parseInput } from './input';

/**
 * An account's porting webhook configuration at Twilio (docs/porting.md, "Webhooks"). PortDesk
 * polls and never needs webhooks itself; agents set them for their own back office. Nothing is
 * stored locally: Twilio's answer is shown as it is.
 */
export interface WebhookCommands {
  getWebhookConfiguration(
    input: PayloadInput<'getWebhookConfiguration'>,
  ): Promise<WebhookConfigurationView>;
  setWebhookConfiguration(
    input: PayloadInput<'setWebhookConfiguration'>,
  ): Promise<WebhookConfigurationView>;
  deleteWebhookConfiguration(
    input: PayloadInput<'deleteWebhookConfiguration'>,
  ): Promise<WebhookConfigurationView>;
}

function toView(accountId: string, config: WebhookConfiguration | null): WebhookConfigurationView {
  return {
    accountId,
    configured: config !== null,
    portInTargetUrl: withoutPassword(config?.portInTargetUrl ?? null),
    portOutTargetUrl: withoutPassword(config?.portOutTargetUrl ?? null),
    notificationsOf: config?.notificationsOf ?? [],
    portInTargetDateCreated: config?.portInTargetDateCreated ?? null,
    portOutTargetDateCreated: config?.portOutTargetDateCreated ?? null,
  };
}

/** A password set in the Console stays there: the renderer never sees a secret. */
function withoutPassword(url: string | null): string | null {
  if (url === null) return null;
  try {
    const parsed = new URL(url);
    if (parsed.password === '') return url;
    parsed.password = '•••';
    return parsed.toString();
  } catch {
    return url;
  }
}

export function webhookCommands(deps: Pick<PortingDeps, 'store' | 'clients'>): WebhookCommands {
  const clientOf = async (accountId: string) => {
    if (!deps.store.accounts.get(accountId)) {
      throw notFound('accountId', 'That account is not in PortDesk.');
    }
    return deps.clients.clientFor(accountId);
  };
  /** Twilio answers 404 when nothing is configured: that is "not configured", not an error. */
  const fetchView = async (accountId: string): Promise<WebhookConfigurationView> => {
    const client = await clientOf(accountId);
    try {
      return toView(accountId, await client.getWebhookConfiguration());
    } catch (error) {
      if (error instanceof TwilioError && error.kind === 'not_found')
        return toView(accountId, null);
      throw error;
    }
  };

  return {
    async getWebhookConfiguration(input) {
      const { accountId } = parseInput('getWebhookConfiguration', input);
      return fetchView(accountId);
    },

    async setWebhookConfiguration(input) {
      const payload = parseInput('setWebhookConfiguration', input);
      const client = await clientOf(payload.accountId);
      const saved = await client.setWebhookConfiguration({
        portInTargetUrl: payload.portInTargetUrl,
        portOutTargetUrl: payload.portOutTargetUrl,
        notificationsOf: payload.notificationsOf,
      });
      // The POST's answer has no creation dates; the GET has them. If it fails, the POST's will do.
      return fetchView(payload.accountId).catch(() => toView(payload.accountId, saved));
    },

    async deleteWebhookConfiguration(input) {
      const { accountId, type } = parseInput('deleteWebhookConfiguration', input);
      const client = await clientOf(accountId);
      try {
        await client.deleteWebhookConfiguration(type);
      } catch (error) {
        // Already gone (deleted elsewhere, or a retried DELETE): what the agent wanted.
        if (!(error instanceof TwilioError && error.kind === 'not_found')) throw error;
      }
      return fetchView(accountId);
    },
  };
}
