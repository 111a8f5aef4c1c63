import type { SimulatorCore } from './core';
import { ControlError } from './errors';
import { type ApiCall, jsonResponse, type SimResponse } from './httpTypes';
import { loaPage } from './loaPage';
import type {
  CarrierRecord,
  Fault,
  NumberOutcome,
  SeedOptions,
  SimulatorControl,
  StatusSpelling,
} from './api';
import { Router } from './router';

/**
 * The HTTP twin of SimulatorControl under /__sim/ (no auth, JSON bodies; errors are
 * `{ "error": "…" }`), plus the LOA page that `signature_request_url` points at.
 */
export function controlRouter(core: SimulatorCore, control: SimulatorControl): Router {
  const ok = (value: unknown = { ok: true }): SimResponse => jsonResponse(200, value);
  return new Router([
    { method: 'GET', template: '/__sim', handler: () => ok(CONTROL_INDEX) },
    { method: 'GET', template: '/__sim/state', handler: () => ok(control.state()) },
    {
      method: 'POST',
      template: '/__sim/clock/advance',
      handler: (call) => ok(control.advance(field(call, 'ms') as number)),
    },
    {
      method: 'POST',
      template: '/__sim/clock/accelerate',
      handler: (call) => ok(control.setAcceleration(field(call, 'factor') as number)),
    },
    {
      method: 'POST',
      template: '/__sim/requests/{sid}/sign',
      handler: (call) => {
        control.signLoa(call.params.sid ?? '');
        return ok();
      },
    },
    {
      method: 'POST',
      template: '/__sim/requests/{sid}/expire',
      handler: (call) => {
        control.expireLoa(call.params.sid ?? '');
        return ok();
      },
    },
    {
      method: 'POST',
      template: '/__sim/numbers/{e164}/script',
      handler: (call) => {
        const body = jsonBody(call);
        const outcome = isEmptyObject(body) ? undefined : (body as NumberOutcome);
        control.scriptNumber(phoneParam(call), outcome);
        return ok();
      },
    },
    {
      method: 'POST',
      template: '/__sim/numbers/{e164}/record',
      handler: (call) => {
        control.setCarrierRecord(phoneParam(call), jsonBody(call) as CarrierRecord);
        return ok();
      },
    },
    {
      method: 'DELETE',
      template: '/__sim/numbers/{e164}/record',
      handler: (call) => {
        control.setCarrierRecord(phoneParam(call), null);
        return ok();
      },
    },
    {
      method: 'POST',
      template: '/__sim/faults',
      handler: (call) => ok(control.addFault(jsonBody(call) as Fault)),
    },
    {
      method: 'DELETE',
      template: '/__sim/faults',
      handler: () => {
        control.clearFaults();
        return ok();
      },
    },
    {
      method: 'DELETE',
      template: '/__sim/faults/{id}',
      handler: (call) => {
        control.removeFault(call.params.id ?? '');
        return ok();
      },
    },
    {
      method: 'POST',
      template: '/__sim/seed',
      handler: (call) => ok(control.seed(jsonBody(call) as SeedOptions)),
    },
    {
      method: 'POST',
      template: '/__sim/reset',
      handler: () => {
        control.reset();
        return ok();
      },
    },
    {
      method: 'POST',
      template: '/__sim/spelling',
      handler: (call) => {
        control.setStatusSpelling(field(call, 'spelling') as StatusSpelling);
        return ok();
      },
    },
    {
      method: 'GET',
      template: '/__sim/loa/{sid}',
      handler: (call) => loaPage(core, call.params.sid ?? '', false),
    },
    {
      method: 'POST',
      template: '/__sim/loa/{sid}',
      handler: (call) => {
        control.signLoa(call.params.sid ?? '');
        return loaPage(core, call.params.sid ?? '', true);
      },
    },
  ]);
}

const CONTROL_INDEX = {
  endpoints: [
    'GET /__sim/state',
    'POST /__sim/clock/advance {"ms": 3600000}',
    'POST /__sim/clock/accelerate {"factor": 600}',
    'POST /__sim/requests/{KW…}/sign',
    'POST /__sim/requests/{KW…}/expire',
    'POST /__sim/numbers/{+1…}/script {"kind": "reject", "code": 22155}',
    'POST /__sim/numbers/{+1…}/record {"address": {"street": "…", "city": "…", "state": "…", "zip": "…"}}',
    'DELETE /__sim/numbers/{+1…}/record',
    'POST /__sim/faults {"kind": "status", "status": 503, "count": 1}',
    'DELETE /__sim/faults',
    'DELETE /__sim/faults/{id}',
    'POST /__sim/seed {"demo": true}',
    'POST /__sim/reset',
    'POST /__sim/spelling {"spelling": "snake"}',
    'GET /__sim/loa/{KW…}',
  ],
};

/** A + in a path is literal, but clients that encode a space for it are forgiven. */
function phoneParam(call: ApiCall): string {
  return (call.params.e164 ?? '').replace(/^ /, '+');
}

function jsonBody(call: ApiCall): unknown {
  const text = call.body.toString('utf8').trim();
  if (text === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new ControlError(400, 'The body is not valid JSON');
  }
}

function field(call: ApiCall, name: string): unknown {
  const body = jsonBody(call);
  if (typeof body !== 'object' || body === null || !(name in body)) {
    throw new ControlError(400, `The JSON body needs a "${name}" field`);
  }
  return (body as Record<string, unknown>)[name];
}

function isEmptyObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.keys(value).length === 0;
}
