/**
 * Validates requests and responses against Twilio's official OpenAPI file for numbers v1 (never
 * copied into the repo). Loaded from $TWILIO_OAI_SPEC, or ../shared/twilio/twilio_numbers_v1.json
 * beside the checkout. OpenAPI 3.0's `nullable` is turned into JSON Schema before ajv sees it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export interface OpenApiValidator {
  /** [] when valid; otherwise one message per problem. `path` is the actual URL path. */
  validateResponse(method: string, path: string, status: number, body: unknown): string[];
  validateRequestBody(method: string, path: string, body: unknown): string[];
}

const DEFAULT_SPEC_PATH = fileURLToPath(
  new URL('../../../shared/twilio/twilio_numbers_v1.json', import.meta.url),
);

export function specPath(): string {
  return process.env.TWILIO_OAI_SPEC ?? DEFAULT_SPEC_PATH;
}

export const specMissingMessage = `Twilio's OpenAPI spec was not found at ${specPath()} (set TWILIO_OAI_SPEC to its path), so responses were NOT checked against the official spec.`;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface Operation {
  template: string;
  segments: string[];
  literalCount: number;
  method: string;
  requestSchema: JsonObject | null;
  /** Status code (or "default") → schema, or null for a response without content. */
  responses: Map<string, JsonObject | null>;
}

const SPEC_ID = 'twilio-numbers-v1';

export function loadOpenApiValidator(): OpenApiValidator | null {
  const path = specPath();
  if (!existsSync(path)) return null;
  const spec = JSON.parse(readFileSync(path, 'utf8')) as JsonObject;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // Formats the spec uses that are not JSON Schema's.
  ajv.addFormat('phone-number', /^\+[1-9]\d{1,14}$/);
  ajv.addFormat('iso-country-code', /^[A-Z]{2}$/);
  ajv.addFormat('int32', true);
  ajv.addFormat('int64', true);
  const components = asObject(spec.components);
  ajv.addSchema({ $id: SPEC_ID, components: toJsonSchema(components) as Json } as JsonObject);

  const operations = collectOperations(spec);
  const compiled = new Map<JsonObject, ValidateFunction>();
  const validatorFor = (schema: JsonObject): ValidateFunction => {
    let validate = compiled.get(schema);
    if (validate === undefined) {
      validate = ajv.compile(toJsonSchema(schema) as JsonObject);
      compiled.set(schema, validate);
    }
    return validate;
  };
  const check = (schema: JsonObject, body: unknown): string[] => {
    const validate = validatorFor(schema);
    if (validate(body)) return [];
    return (validate.errors ?? []).map(
      (error) => `${error.instancePath || '(body)'} ${error.message ?? 'is invalid'}`,
    );
  };

  return {
    validateResponse(method, path, status, body) {
      const found = findOperation(operations, method, path);
      if (typeof found === 'string') return [found];
      const key = found.responses.has(String(status)) ? String(status) : 'default';
      if (!found.responses.has(key)) {
        return [
          `${method.toUpperCase()} ${found.template}: the spec declares no ${status} response (it declares ${[...found.responses.keys()].join(', ')})`,
        ];
      }
      const schema = found.responses.get(key) ?? null;
      if (schema === null) {
        return body === undefined || body === null || body === ''
          ? []
          : [`${method.toUpperCase()} ${found.template} ${status}: the spec declares no body`];
      }
      return check(schema, body);
    },
    validateRequestBody(method, path, body) {
      const found = findOperation(operations, method, path);
      if (typeof found === 'string') return [found];
      if (found.requestSchema === null) {
        return body === undefined
          ? []
          : [`${method.toUpperCase()} ${found.template}: the spec declares no request body`];
      }
      return check(found.requestSchema, body);
    },
  };
}

function collectOperations(spec: JsonObject): Operation[] {
  const operations: Operation[] = [];
  for (const [template, item] of Object.entries(asObject(spec.paths))) {
    for (const [method, operation] of Object.entries(asObject(item))) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const op = asObject(operation);
      const responses = new Map<string, JsonObject | null>();
      for (const [status, response] of Object.entries(asObject(op.responses))) {
        const content = asObject(asObject(response).content);
        const json = content['application/json'];
        responses.set(status, json === undefined ? null : asObject(asObject(json).schema));
      }
      const requestContent = asObject(asObject(op.requestBody).content);
      const requestJson = requestContent['application/json'];
      const segments = template.split('/');
      operations.push({
        template,
        segments,
        literalCount: segments.filter((segment) => !segment.startsWith('{')).length,
        method: method.toUpperCase(),
        requestSchema: requestJson === undefined ? null : asObject(asObject(requestJson).schema),
        responses,
      });
    }
  }
  // More literal segments first: /PortIn/PortInRequests wins over /PortIn/{PortInRequestSid}.
  return operations.sort((a, b) => b.literalCount - a.literalCount);
}

function findOperation(operations: Operation[], method: string, path: string): Operation | string {
  const segments = path.split('?')[0]?.split('/') ?? [];
  const candidates = operations.filter(
    (op) =>
      op.segments.length === segments.length &&
      op.segments.every((segment, index) => segment.startsWith('{') || segment === segments[index]),
  );
  const operation = candidates.find((op) => op.method === method.toUpperCase());
  if (operation !== undefined) return operation;
  return candidates.length === 0
    ? `No path in the spec matches ${path}`
    : `${candidates[0]?.template} has no ${method.toUpperCase()} operation in the spec`;
}

/**
 * OpenAPI 3.0 → JSON Schema: `nullable: true` becomes a null alternative (beside a $ref it must
 * wrap, since siblings of $ref are ignored), and local refs point at the registered spec.
 */
function toJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'nullable' || key === 'example' || key === 'examples' || key.startsWith('x-')) {
      continue;
    }
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/')) {
      out[key] = `${SPEC_ID}${value}`;
    } else {
      out[key] = toJsonSchema(value);
    }
  }
  if (node.nullable !== true) return out;
  if (typeof out.$ref === 'string') {
    const { $ref, ...rest } = out;
    return { ...rest, anyOf: [{ $ref }, { type: 'null' }] };
  }
  if (typeof out.type === 'string') out.type = [out.type, 'null'];
  if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
  return out;
}

function asObject(value: Json | undefined): JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
}
