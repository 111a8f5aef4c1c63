import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../main/simulator/index';
import type { SimClient } from './harness';
import { expectMatchesSpec, expectTwilioError, startTestSimulator } from './harness';

let sim: RunningSimulator;
let api: SimClient;

beforeAll(async () => {
  ({ sim, api } = await startTestSimulator());
});
beforeEach(() => sim.control.reset());
afterAll(() => sim.close());

const LIST = '/v1/Porting/PortIn/PortInRequests';

interface ListBody {
  port_in_requests: {
    port_in_request_sid: string;
    port_in_request_status: string;
    status_last_updated_timestamp: string;
    phone_numbers_requested: number;
    phone_numbers_ported: number;
    suggested_action: string | null;
  }[];
  meta: { next_token: string | null; previous_token: string | null };
}

async function page(query: string): Promise<ListBody> {
  const answer = await api.get(`${LIST}${query}`);
  expect(answer.status, answer.text).toBe(200);
  const body = answer.json<ListBody>();
  expectMatchesSpec('GET', LIST, 200, body);
  return body;
}

async function everyPage(query: string, size: number) {
  const sids: string[] = [];
  let pages = 0;
  let token: string | null = null;
  do {
    const body: ListBody = await page(
      `?Size=${size}${query}${token === null ? '' : `&Token=${encodeURIComponent(token)}`}`,
    );
    sids.push(...body.port_in_requests.map((row) => row.port_in_request_sid));
    token = body.meta.next_token;
    pages += 1;
  } while (token !== null);
  return { sids, pages };
}

describe('list (GET /v1/Porting/PortIn/PortInRequests)', () => {
  it('answers an empty page when there are no requests', async () => {
    expect(await page('')).toEqual({
      port_in_requests: [],
      meta: { next_token: null, previous_token: null },
    });
  });

  it('pages through every request exactly once, newest first', async () => {
    const { requestSids } = sim.control.seed({ requests: 253, numbersPerRequest: 1 });
    const { sids, pages } = await everyPage('', 20);
    expect(pages).toBe(13);
    expect(new Set(sids).size).toBe(253);
    expect(new Set(sids)).toEqual(new Set(requestSids));
    const created = sim.control
      .state()
      .requests.map((r) => r as { port_in_request_sid: string; date_created: string });
    const createdAt = new Map(
      created.map((r) => [r.port_in_request_sid, Date.parse(r.date_created)]),
    );
    const times = sids.map((sid) => createdAt.get(sid) ?? 0);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('uses 20 rows by default and at most 100', async () => {
    sim.control.seed({ requests: 150, numbersPerRequest: 1 });
    expect((await page('')).port_in_requests).toHaveLength(20);
    expect((await page('?Size=100')).port_in_requests).toHaveLength(100);
    expectTwilioError(await api.get(`${LIST}?Size=101`), 400, 20001);
    expectTwilioError(await api.get(`${LIST}?Size=0`), 400, 20001);
  });

  it('gives a previous_token that leads back to the first page', async () => {
    sim.control.seed({ requests: 30, numbersPerRequest: 1 });
    const first = await page('?Size=10');
    expect(first.meta.previous_token).toBeNull();
    const second = await page(`?Size=10&Token=${first.meta.next_token}`);
    expect(second.meta.previous_token).toBe(first.port_in_requests[0]?.port_in_request_sid);
    const back = await page(`?Size=10&Token=${second.meta.previous_token}`);
    expect(back).toEqual(first);
  });

  it('refuses a token it did not issue', async () => {
    expectTwilioError(await api.get(`${LIST}?Token=nonsense`), 400, 20001);
  });

  it('filters by a comma-separated list of request SIDs', async () => {
    const { requestSids } = sim.control.seed({ requests: 10, numbersPerRequest: 1 });
    const wanted = [requestSids[2], requestSids[7]] as string[];
    const body = await page(`?PortInRequestSid=${wanted.join(',')}`);
    expect(body.port_in_requests.map((r) => r.port_in_request_sid).sort()).toEqual(
      [...wanted].sort(),
    );
  });

  it('filters by status in any spelling, paging within the filter', async () => {
    sim.control.seed({ requests: 70, numbersPerRequest: 1 });
    const all = (await everyPage('', 100)).sids.length;
    const completed = await everyPage('&PortInRequestStatus=Completed', 3);
    const snake = await everyPage('&PortInRequestStatus=completed', 100);
    expect(completed.sids.length).toBeGreaterThan(3);
    expect(completed.sids.length).toBeLessThan(all);
    expect(snake.sids).toEqual(completed.sids);
    const rows = (await page('?PortInRequestStatus=Completed&Size=100')).port_in_requests;
    expect(new Set(rows.map((r) => r.port_in_request_status))).toEqual(new Set(['Completed']));
    const waiting = (await page('?PortInRequestStatus=Waiting%20for%20Signature&Size=100'))
      .port_in_requests;
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.every((r) => r.port_in_request_status === 'Waiting for Signature')).toBe(true);
  });

  it('refuses an unknown status filter', async () => {
    expectTwilioError(await api.get(`${LIST}?PortInRequestStatus=Sleeping`), 400, 20001);
  });

  it('filters by creation date', async () => {
    sim.control.seed({ requests: 70, numbersPerRequest: 1 });
    const state = sim.control.state();
    const dates = state.requests.map((r) =>
      Date.parse((r as { date_created: string }).date_created),
    );
    const cut = new Date(Date.parse(state.now) - 30 * 86_400_000).toISOString().slice(0, 10);
    const cutTime = Date.parse(`${cut}T00:00:00Z`);
    const before = await everyPage(`&CreatedBefore=${cut}`, 100);
    const after = await everyPage(`&CreatedAfter=${cut}`, 100);
    expect(before.sids.length).toBe(dates.filter((d) => d < cutTime).length);
    expect(after.sids.length).toBe(dates.filter((d) => d >= cutTime).length);
    expect(before.sids.length + after.sids.length).toBe(70);
    expectTwilioError(await api.get(`${LIST}?CreatedAfter=yesterday`), 400, 20001);
  });

  it('counts requested and ported numbers per row', async () => {
    const created = await api.createdPortIn(['+12125550100', '+12125550101', '+12125550102']);
    const row = (await page('')).port_in_requests[0];
    expect(row).toEqual({
      port_in_request_sid: created.port_in_request_sid,
      port_in_request_status: 'In Review',
      status_last_updated_timestamp: created.date_created,
      phone_numbers_requested: 3,
      phone_numbers_ported: 0,
      suggested_action: null,
    });
  });
});
