import { afterEach, describe, expect, it } from 'vitest';
import {
  lifecycleTimings,
  parseSnapshot,
  startSimulator,
  type RunningSimulator,
  type SimulatorOptions,
  type SimulatorSnapshot,
} from '../../../main/simulator/index';
import { DAY, expectMatchesSpec, type PortInWire, SimClient } from './harness';

const started: RunningSimulator[] = [];

async function start(
  options: SimulatorOptions,
): Promise<{ sim: RunningSimulator; api: SimClient }> {
  const sim = await startSimulator({ seed: 'snapshot-round-trip', ...options });
  started.push(sim);
  return { sim, api: new SimClient(sim) };
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((sim) => sim.close()));
});

/** What a file round trip does to a snapshot: plain JSON out, checked on the way back in. */
function throughJson(snapshot: SimulatorSnapshot): SimulatorSnapshot {
  const checked = parseSnapshot(JSON.parse(JSON.stringify(snapshot)));
  if (!checked.ok) throw new Error(checked.problem);
  return checked.snapshot;
}

/** Every SID's 32 hex digits, whatever its prefix: a restarted SID stream would repeat these. */
function sidBodies(text: string): Set<string> {
  return new Set(
    [...text.matchAll(/\b(?:KW|PU|RD)([0-9a-f]{32})\b/g)].map((match) => match[1] ?? ''),
  );
}

describe('a simulator snapshot restored in a new simulator', () => {
  it('answers the same, continues the lifecycle from the saved instant, and issues fresh SIDs', async () => {
    const { sim: first, api: firstApi } = await start({});
    // Move the world well away from the wall clock, so "resumed" and "restarted" differ.
    first.control.advance(5 * DAY);
    const portIn = await firstApi.createdPortIn(['+12125550100', '+12125550101', '+12125550102']);
    const sid = portIn.port_in_request_sid;
    first.control.advance(lifecycleTimings.REVIEW_MS);
    first.control.signLoa(sid);
    const toCancel = portIn.phone_numbers[2]?.port_in_phone_number_sid ?? '';
    expect(
      (await firstApi.delete(`/v1/Porting/PortIn/${sid}/PhoneNumber/${toCancel}`)).status,
    ).toBe(204);
    const numberPath = `/v1/Porting/PortIn/${sid}/PhoneNumber/${toCancel}`;
    const requestBefore = (await firstApi.get(`/v1/Porting/PortIn/${sid}`)).text;
    const numberBefore = (await firstApi.get(numberPath)).text;
    const listBefore = (await firstApi.get('/v1/Porting/PortIn?Size=20')).text;
    const stateBefore = first.control.state();

    const snapshot = throughJson(first.snapshot());
    // What the first simulator issues next is what the restored one must issue: the same stream.
    const nextInFirst = await firstApi.createdPortIn(['+13105550100']);
    await first.close();
    const { sim: second, api: secondApi } = await start({
      seed: 'another-seed',
      restore: snapshot,
    });

    // Same answers, with the new listener's origin in URLs (the LOA link included).
    const sameOrigin = (text: string) => text.replaceAll(first.url, second.url);
    const requestAfter = await secondApi.get(`/v1/Porting/PortIn/${sid}`);
    expect(requestAfter.status).toBe(200);
    expect(requestAfter.text).toBe(sameOrigin(requestBefore));
    expect(requestAfter.json<PortInWire>().signature_request_url).toBe(
      `${second.url}/__sim/loa/${sid}`,
    );
    expect((await secondApi.get(numberPath)).text).toBe(sameOrigin(numberBefore));
    expect((await secondApi.get('/v1/Porting/PortIn?Size=20')).text).toBe(sameOrigin(listBefore));
    expect(second.control.state().documents).toEqual(stateBefore.documents);
    expect(second.credentials).toEqual(first.credentials);

    // The clock resumed at the saved instant, not at the wall clock five days earlier.
    const resumedAt = Date.parse(second.control.state().now);
    expect(resumedAt).toBeGreaterThanOrEqual(Date.parse(stateBefore.now));
    expect(resumedAt).toBeGreaterThan(Date.now() + 4 * DAY);

    // Pending steps fire: the number finishes canceling, the others are submitted, then ported.
    second.control.advance(lifecycleTimings.CANCEL_MS);
    let after = await secondApi.fetchPortIn(sid);
    expect(after.phone_numbers.map((number) => number.port_in_phone_number_status)).toEqual([
      'Submitted',
      'Submitted',
      'Canceled',
    ]);
    second.control.advance(lifecycleTimings.CARRIER_RESPONSE_MS);
    after = await secondApi.fetchPortIn(sid);
    expect(after.phone_numbers.map((number) => number.port_in_phone_number_status)).toEqual([
      'Pending',
      'Pending',
      'Canceled',
    ]);
    second.control.advance(30 * DAY);
    after = await secondApi.fetchPortIn(sid);
    expect(after.port_in_request_status).toBe('Completed');

    // New SIDs continue the stream: none repeats one issued before the snapshot.
    const issuedBefore = sidBodies(JSON.stringify(stateBefore));
    const fresh = await secondApi.createdPortIn(['+13105550100']);
    expectMatchesSpec('post', '/v1/Porting/PortIn', 202, fresh);
    const issuedAfter = sidBodies(JSON.stringify(fresh));
    expect(issuedAfter.size).toBe(3); // the request, its number, its bill
    for (const body of issuedAfter) expect(issuedBefore.has(body)).toBe(false);
    expect(issuedAfter).toEqual(sidBodies(JSON.stringify(nextInFirst)));
    expect(fresh.support_ticket_id).toBeGreaterThan(portIn.support_ticket_id);
  });

  it('keeps scripts, numbers held by open requests and configurations', async () => {
    const { sim: first, api: firstApi } = await start({});
    first.control.scriptNumber('+12125550177', { kind: 'reject', code: 22154 });
    first.control.seed({ inTwilio: ['+12125550188'] });
    await firstApi.createdPortIn(['+12125550166']);
    expect(
      (
        await firstApi.post('/v1/Porting/Configuration/Webhook', {
          port_in_target_url: 'https://hooks.example/port-in',
        })
      ).status,
    ).toBe(201);

    const { api: secondApi, sim: second } = await start({ restore: throughJson(first.snapshot()) });

    const portability = async (number: string) =>
      (
        await secondApi.get(`/v1/Porting/Portability/PhoneNumber/${encodeURIComponent(number)}`)
      ).json<{
        not_portable_reason_code: number | null;
      }>().not_portable_reason_code;
    expect(await portability('+12125550166')).toBe(22136); // in an open request
    expect(await portability('+12125550188')).toBe(22132); // in another Twilio account
    expect(
      (await secondApi.get('/v1/Porting/Configuration/Webhook')).json<{
        port_in_target_url: string;
      }>().port_in_target_url,
    ).toBe('https://hooks.example/port-in');
    const again = await secondApi.createPortIn(['+12125550166']);
    expect(again.status).toBe(400);
    expect(again.json<{ code: number }>().code).toBe(22137);

    const scripted = await secondApi.createdPortIn(['+12125550177']);
    second.control.advance(lifecycleTimings.REVIEW_MS);
    second.control.signLoa(scripted.port_in_request_sid);
    second.control.advance(
      lifecycleTimings.SUBMIT_AFTER_SIGNATURE_MS + lifecycleTimings.CARRIER_RESPONSE_MS,
    );
    const rejected = await secondApi.fetchPortIn(scripted.port_in_request_sid);
    expect(rejected.phone_numbers[0]?.rejection_reason_code).toBe('22154');
  });

  it('brings back the demo data set as it was instead of seeding it again', async () => {
    const { sim: first } = await start({ demo: true, accelerate: 1 });
    first.control.advance(3 * DAY);
    const before = first.control.state();

    const { sim: second } = await start({ demo: true, restore: throughJson(first.snapshot()) });
    const after = second.control.state();
    expect(after.requests).toHaveLength(before.requests.length);
    const statuses = (state: typeof before) =>
      state.requests.map((request) => (request as PortInWire).port_in_request_status);
    expect(statuses(after)).toEqual(statuses(before));
  });

  it('never writes a secret, and gets the secrets back from the seed or the caller', async () => {
    const { sim: derived } = await start({});
    const text = JSON.stringify(derived.snapshot());
    expect(text).not.toContain(derived.credentials.apiKeySecret);
    expect(text).not.toContain(derived.credentials.authToken);
    const { sim: restored } = await start({ restore: derived.snapshot() });
    expect(restored.credentials).toEqual(derived.credentials);

    const given = { apiKeySecret: 'given-secret-never-written-0123456', authToken: 'f'.repeat(32) };
    const { sim: withGiven } = await start({ seed: 'given', credentials: given });
    const givenText = JSON.stringify(withGiven.snapshot());
    expect(givenText).not.toContain(given.apiKeySecret);
    const { sim: again } = await start({ restore: withGiven.snapshot(), credentials: given });
    expect(again.credentials).toEqual(withGiven.credentials);
  });

  it('counts a revision for every change and none for reads', async () => {
    const { sim, api } = await start({});
    const initial = sim.revision();
    await api.get('/v1/Porting/PortIn');
    expect(sim.revision()).toBe(initial);
    await api.uploadBill();
    const afterUpload = sim.revision();
    expect(afterUpload).toBeGreaterThan(initial);
    sim.control.advance(lifecycleTimings.REVIEW_MS);
    expect(sim.revision()).toBeGreaterThan(afterUpload);
  });
});
