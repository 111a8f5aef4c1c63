import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOpenApiValidator, specMissingMessage, specPath } from '../../helpers/openapiSpec';

const KW = `KW${'a'.repeat(32)}`;

/** A tiny spec with the same traps as Twilio's: a literal path beside a parameter, nullable $ref. */
const TRAP_SPEC = {
  openapi: '3.0.1',
  paths: {
    '/v1/Porting/PortIn/{PortInRequestSid}': {
      get: {
        responses: {
          '200': {
            content: { 'application/json': { schema: { $ref: '#/components/schemas/port_in' } } },
          },
        },
      },
      delete: { responses: { '204': {} } },
    },
    '/v1/Porting/PortIn/PortInRequests': {
      get: {
        responses: {
          '200': {
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { port_in_requests: { type: 'array', items: { type: 'object' } } },
                },
              },
            },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      port_in: {
        type: 'object',
        properties: {
          port_in_request_sid: { type: 'string', pattern: '^KW[0-9a-f]{32}$', nullable: true },
          losing_carrier_information: { nullable: true, $ref: '#/components/schemas/carrier' },
          kind: { type: 'string', enum: ['A', 'B'], nullable: true },
          support_ticket_id: { type: 'integer' },
        },
      },
      carrier: {
        type: 'object',
        required: ['customer_name'],
        properties: { customer_name: { type: 'string' } },
      },
    },
  },
};

const savedEnv = process.env.TWILIO_OAI_SPEC;
const dirs: string[] = [];

function withSpec(spec: unknown) {
  const dir = mkdtempSync(join(tmpdir(), 'portdesk-spec-'));
  dirs.push(dir);
  const file = join(dir, 'spec.json');
  writeFileSync(file, JSON.stringify(spec));
  process.env.TWILIO_OAI_SPEC = file;
  const validator = loadOpenApiValidator();
  if (validator === null) throw new Error('the trap spec should load');
  return validator;
}

afterEach(() => {
  if (savedEnv === undefined) delete process.env.TWILIO_OAI_SPEC;
  else process.env.TWILIO_OAI_SPEC = savedEnv;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the official Twilio spec', () => {
  it('is found and loads, or the suite says clearly that spec checks did not run', () => {
    const validator = loadOpenApiValidator();
    if (validator === null) {
      console.warn(specMissingMessage);
      expect(existsSync(specPath())).toBe(false);
      expect(specMissingMessage).toContain(specPath());
      expect(specMissingMessage).toMatch(/NOT checked/);
      return;
    }
    // The spec's own list example must pass, and a wrong type must not.
    const list = {
      port_in_requests: [
        {
          port_in_request_sid: KW,
          port_in_request_status: 'Completed',
          status_last_updated_timestamp: '2025-04-30',
          phone_numbers_requested: 1,
          phone_numbers_ported: 0,
          suggested_action: null,
        },
      ],
      meta: { next_token: null, previous_token: null },
    };
    expect(
      validator.validateResponse('GET', '/v1/Porting/PortIn/PortInRequests', 200, list),
    ).toEqual([]);
    expect(
      validator.validateResponse('GET', `/v1/Porting/PortIn/${KW}`, 200, {
        support_ticket_id: null,
      }),
    ).not.toEqual([]);
  });
});

describe('loadOpenApiValidator', () => {
  it('returns null when the spec file is absent', () => {
    process.env.TWILIO_OAI_SPEC = join(tmpdir(), 'portdesk-no-such-spec.json');
    expect(loadOpenApiValidator()).toBeNull();
  });

  it('matches /PortIn/PortInRequests before /PortIn/{PortInRequestSid}', () => {
    const validator = withSpec(TRAP_SPEC);
    // Valid for the PortIn schema (no such property there), invalid for the list schema.
    const body = { port_in_requests: 'not a list' };
    expect(
      validator.validateResponse('GET', '/v1/Porting/PortIn/PortInRequests', 200, body),
    ).not.toEqual([]);
    expect(validator.validateResponse('GET', `/v1/Porting/PortIn/${KW}`, 200, body)).toEqual([]);
  });

  it('accepts null where OpenAPI says nullable, including beside a $ref and in an enum', () => {
    const validator = withSpec(TRAP_SPEC);
    const path = `/v1/Porting/PortIn/${KW}`;
    expect(
      validator.validateResponse('GET', path, 200, {
        port_in_request_sid: null,
        losing_carrier_information: null,
        kind: null,
        support_ticket_id: 1,
      }),
    ).toEqual([]);
    expect(
      validator.validateResponse('GET', path, 200, { losing_carrier_information: {} }),
    ).toContainEqual(expect.stringContaining('customer_name'));
    expect(validator.validateResponse('GET', path, 200, { support_ticket_id: null })).toEqual([
      expect.stringContaining('/support_ticket_id'),
    ]);
    expect(validator.validateResponse('GET', path, 200, { kind: 'C' })).not.toEqual([]);
  });

  it('reports a status the spec does not declare, an unknown path and a body on a 204', () => {
    const validator = withSpec(TRAP_SPEC);
    const path = `/v1/Porting/PortIn/${KW}`;
    expect(validator.validateResponse('GET', path, 404, {})).toEqual([
      expect.stringContaining('declares no 404'),
    ]);
    expect(validator.validateResponse('GET', '/v1/Nothing', 200, {})).toEqual([
      expect.stringContaining('No path'),
    ]);
    expect(validator.validateResponse('DELETE', path, 204, undefined)).toEqual([]);
    expect(validator.validateResponse('DELETE', path, 204, { ok: true })).not.toEqual([]);
    expect(validator.validateResponse('POST', path, 200, {})).toEqual([
      expect.stringContaining('no POST'),
    ]);
  });
});
