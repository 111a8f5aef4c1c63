import type { SimulatorCore } from './core';
import { ControlError } from './errors';
import type { SimRequest } from './model';
import type {
  CarrierRecord,
  Fault,
  NumberOutcome,
  SeedOptions,
  SimulatorControl,
  SimulatorState,
  StatusSpelling,
} from './api';
import { carrierRecordSchema, numberOutcomeSchema, spellingSchema } from './schemas';
import { seed } from './seeding';
import { isoSeconds, portInJson } from './wire';

/** The in-process control API; the HTTP routes under /__sim/ call exactly these methods. */
export function createControl(core: SimulatorCore): SimulatorControl {
  const findRequest = (sid: string): SimRequest => {
    const request = core.store.request(sid);
    if (request === undefined) throw new ControlError(404, `No port-in request ${sid}`);
    return request;
  };

  return {
    state(): SimulatorState {
      core.lifecycle.catchUp();
      const wire = core.wire();
      return {
        now: isoSeconds(core.clock.now()),
        requests: core.store
          .allRequests()
          .map((request) => JSON.parse(portInJson(request, wire).toString('utf8'))),
        documents: [...core.store.documents.values()].map((document) => ({
          sid: document.sid,
          document_type: document.documentType,
          friendly_name: document.friendlyName,
          mime_type: document.mimeType,
          size: document.size,
          date_created: isoSeconds(document.dateCreated),
        })),
        faults: core.faults.list(),
        inTwilio: [...core.store.inTwilio],
        carrierRecords: [...core.store.carrierRecords].map(([phoneNumber, record]) => ({
          phoneNumber,
          ...structuredClone(record),
        })),
        callLog: Object.fromEntries(core.store.callLog),
      };
    },

    advance(ms: number) {
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
        throw new ControlError(400, `ms must be a finite number ≥ 0 (got ${String(ms)})`);
      }
      core.lifecycle.catchUp();
      core.clock.advance(ms);
      core.touch();
      core.lifecycle.catchUp();
      return { now: isoSeconds(core.clock.now()) };
    },

    setAcceleration(factor: number) {
      if (typeof factor !== 'number' || !Number.isFinite(factor) || factor <= 0) {
        throw new ControlError(400, `factor must be a finite number > 0 (got ${String(factor)})`);
      }
      core.lifecycle.catchUp();
      core.clock.setAcceleration(factor);
      return { now: isoSeconds(core.clock.now()), factor };
    },

    signLoa(requestSid: string) {
      core.lifecycle.catchUp();
      core.lifecycle.sign(findRequest(requestSid), core.clock.now());
      core.touch();
    },

    expireLoa(requestSid: string) {
      core.lifecycle.catchUp();
      core.lifecycle.expire(findRequest(requestSid), core.clock.now());
      core.touch();
    },

    scriptNumber(e164: string, outcome: NumberOutcome = { kind: 'complete' }) {
      if (typeof e164 !== 'string' || !/^\+[1-9]\d{1,14}$/.test(e164)) {
        throw new ControlError(400, `${String(e164)} is not an E.164 number`);
      }
      const parsed = numberOutcomeSchema.safeParse(outcome);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new ControlError(
          400,
          `Invalid outcome: ${issue?.path.join('.') || 'outcome'} ${issue?.message ?? ''}`.trim(),
        );
      }
      core.lifecycle.catchUp();
      core.store.scripts.set(e164, parsed.data);
      core.lifecycle.scriptChanged(e164, parsed.data, core.clock.now());
      core.touch();
    },

    setCarrierRecord(e164: string, record: CarrierRecord | null) {
      if (typeof e164 !== 'string' || !/^\+[1-9]\d{1,14}$/.test(e164)) {
        throw new ControlError(400, `${String(e164)} is not an E.164 number`);
      }
      if (record === null) {
        core.store.carrierRecords.delete(e164);
      } else {
        const parsed = carrierRecordSchema.safeParse(record);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw new ControlError(
            400,
            `Invalid carrier record: ${issue?.path.join('.') || 'record'} ${issue?.message ?? ''}`.trim(),
          );
        }
        core.store.carrierRecords.set(e164, parsed.data);
      }
      core.touch();
    },

    addFault(fault: Fault) {
      return core.faults.add(fault);
    },

    removeFault(id: string) {
      core.faults.remove(id);
    },

    clearFaults() {
      core.faults.clear();
    },

    seed(options: SeedOptions) {
      const call = core.nextSeedCall();
      core.touch();
      return seed(core, options, call);
    },

    setStatusSpelling(spelling: StatusSpelling) {
      const parsed = spellingSchema.safeParse(spelling);
      if (!parsed.success) {
        throw new ControlError(400, `spelling must be one of twilio, snake, title`);
      }
      core.setSpelling(parsed.data);
    },

    reset() {
      core.store.clear();
      core.lifecycle.clear();
      core.faults.clear();
      core.touch();
    },
  };
}
