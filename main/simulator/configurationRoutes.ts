import * as z from 'zod';
import type { SimulatorCore } from './core';
import { invalidParameter, notFound } from './errors';
import { type ApiCall, jsonResponse, NO_CONTENT, type SimResponse } from './httpTypes';
import type { SigningRequestConfig } from './model';
import type { Route } from './router';
import { isoSeconds } from './wire';

const httpUrl = z.url({ protocol: /^https?$/ });

/** The real fields of the webhook POST; the spec's request schema is an empty object (§3.7). */
const webhookBody = z.object({
  port_in_target_url: httpUrl.nullish(),
  port_out_target_url: httpUrl.nullish(),
  notifications_of: z.array(z.string().min(1)).nullish(),
});

const signingBody = z.object({
  logo_sid: z
    .string()
    .regex(/^RD[0-9a-fA-F]{32}$/)
    .nullish(),
  friendly_name: z.string().nullish(),
  product: z.string().nullish(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .nullish(),
  email_subject: z.string().max(255).nullish(),
  email_message: z.string().max(5000).nullish(),
  url_redirection: httpUrl.nullish(),
});

/** Rows 8–12 of PORTING-API §2: webhook configuration and signing-request configuration. */
export function configurationRoutes(core: SimulatorCore): Route[] {
  return [
    {
      method: 'POST',
      template: '/v1/Porting/Configuration/Webhook',
      handler: (call) => setWebhook(core, call),
    },
    {
      method: 'GET',
      template: '/v1/Porting/Configuration/Webhook',
      handler: (call) => {
        const config = core.store.webhook;
        if (config === null) throw notFound(call.path);
        return jsonResponse(200, {
          ...webhookObject(core),
          port_in_target_date_created:
            config.portInTargetDateCreated === null
              ? null
              : isoSeconds(config.portInTargetDateCreated),
          port_out_target_date_created:
            config.portOutTargetDateCreated === null
              ? null
              : isoSeconds(config.portOutTargetDateCreated),
        });
      },
    },
    {
      method: 'DELETE',
      template: '/v1/Porting/Configuration/Webhook/{WebhookType}',
      params: { WebhookType: /^(PORT_IN|PORT_OUT)$/ },
      handler: (call) => {
        const config = core.store.webhook;
        if (config !== null && call.params.WebhookType === 'PORT_IN') {
          config.portInTargetUrl = null;
          config.portInTargetDateCreated = null;
        } else if (config !== null) {
          config.portOutTargetUrl = null;
          config.portOutTargetDateCreated = null;
        }
        if (
          config !== null &&
          config.portInTargetUrl === null &&
          config.portOutTargetUrl === null
        ) {
          core.store.webhook = null;
        }
        return NO_CONTENT;
      },
    },
    {
      method: 'POST',
      template: '/v1/SigningRequest/Configuration',
      handler: (call) => {
        const parsed = signingBody.safeParse(parseJsonObject(call));
        if (!parsed.success) throw invalidFromZod(parsed.error.issues);
        const config: SigningRequestConfig = {
          logo_sid: parsed.data.logo_sid ?? null,
          friendly_name: parsed.data.friendly_name ?? null,
          product: parsed.data.product ?? null,
          country: parsed.data.country ?? null,
          email_subject: parsed.data.email_subject ?? null,
          email_message: parsed.data.email_message ?? null,
          url_redirection: parsed.data.url_redirection ?? null,
        };
        core.store.signingConfigs.push(config);
        return jsonResponse(201, {
          ...config,
          url: `${core.baseUrl}/v1/SigningRequest/Configuration`,
        });
      },
    },
    {
      method: 'GET',
      template: '/v1/SigningRequest/Configuration',
      handler: (call) => listSigningConfigs(core, call),
    },
  ];
}

function setWebhook(core: SimulatorCore, call: ApiCall): SimResponse {
  const parsed = webhookBody.safeParse(parseJsonObject(call));
  if (!parsed.success) throw invalidFromZod(parsed.error.issues);
  const now = core.clock.now();
  const previous = core.store.webhook;
  const portIn = parsed.data.port_in_target_url ?? null;
  const portOut = parsed.data.port_out_target_url ?? null;
  if (portIn === null && portOut === null) {
    throw invalidParameter('port_in_target_url or port_out_target_url is required');
  }
  // One configuration per account: a POST replaces it (PORTING-API §3.7).
  core.store.webhook = {
    portInTargetUrl: portIn,
    portOutTargetUrl: portOut,
    notificationsOf: parsed.data.notifications_of ?? [],
    portInTargetDateCreated:
      portIn === null
        ? null
        : previous?.portInTargetUrl === portIn
          ? previous.portInTargetDateCreated
          : now,
    portOutTargetDateCreated:
      portOut === null
        ? null
        : previous?.portOutTargetUrl === portOut
          ? previous.portOutTargetDateCreated
          : now,
  };
  return jsonResponse(201, webhookObject(core));
}

function webhookObject(core: SimulatorCore): Record<string, unknown> {
  const config = core.store.webhook;
  return {
    url: `${core.baseUrl}/v1/Porting/Configuration/Webhook`,
    port_in_target_url: config?.portInTargetUrl ?? null,
    port_out_target_url: config?.portOutTargetUrl ?? null,
    notifications_of: config?.notificationsOf ?? [],
  };
}

function listSigningConfigs(core: SimulatorCore, call: ApiCall): SimResponse {
  const country = call.query.get('Country');
  const product = call.query.get('Product');
  const pageSize = Number(call.query.get('PageSize') ?? 50);
  const page = Number(call.query.get('Page') ?? 0);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) {
    throw invalidParameter('PageSize must be an integer from 1 to 1000');
  }
  if (!Number.isInteger(page) || page < 0) throw invalidParameter('Page must be an integer ≥ 0');
  const matching = core.store.signingConfigs.filter(
    (config) =>
      (country === null || config.country === country) &&
      (product === null || config.product === product),
  );
  const url = `${core.baseUrl}/v1/SigningRequest/Configuration`;
  const pageUrl = (n: number) => `${url}?PageSize=${pageSize}&Page=${n}`;
  const rows = matching.slice(page * pageSize, (page + 1) * pageSize).map((config) => ({
    ...config,
    url,
  }));
  return jsonResponse(200, {
    configurations: rows,
    meta: {
      first_page_url: pageUrl(0),
      key: 'configurations',
      next_page_url: (page + 1) * pageSize < matching.length ? pageUrl(page + 1) : null,
      page,
      page_size: pageSize,
      previous_page_url: page > 0 ? pageUrl(page - 1) : null,
      url: pageUrl(page),
    },
  });
}

function parseJsonObject(call: ApiCall): unknown {
  const text = call.body.toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw invalidParameter('The request body is not valid JSON');
  }
}

function invalidFromZod(issues: readonly z.core.$ZodIssue[]): Error {
  const issue = issues[0];
  const field = issue?.path.join('.') || 'body';
  return invalidParameter(`Invalid field ${field}: ${issue?.message ?? 'invalid value'}`);
}
