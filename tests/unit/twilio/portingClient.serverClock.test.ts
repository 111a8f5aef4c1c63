import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { PortingClient } from '../../../main/core/twilio';
import { startLocalServer, sendJson, type LocalServer } from './localServer';
import { SPEC_EXAMPLES } from './specExamples';

const DAY = 86_400_000;
const KW = 'KWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
/** Our clock, frozen between whole seconds so the header's truncation shows. */
const NOW = Date.parse('2026-05-01T12:00:00.400Z');

let servers: LocalServer[] = [];
let clients: PortingClient[] = [];

afterEach(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await Promise.all(servers.map((s) => s.close()));
  clients = [];
  servers = [];
});

/**
 * A server that answers the fetch with the Date header `dates` gives, in turn (null: none at
 * all, as node:http would otherwise add its own).
 */
async function serverWithDates(
  dates: (string | null)[],
  status = 200,
): Promise<{ server: LocalServer; client: PortingClient; reported: number[] }> {
  let next = 0;
  const server = await startLocalServer((_req, res: ServerResponse) => {
    const date = dates[Math.min(next, dates.length - 1)] ?? null;
    next += 1;
    res.sendDate = false;
    const headers: Record<string, string> = date === null ? {} : { date };
    if (status === 200) sendJson(res, 200, SPEC_EXAMPLES.fetchPortIn, headers);
    else sendJson(res, status, { code: 20404, message: 'Not found', status }, headers);
  });
  servers.push(server);
  const reported: number[] = [];
  const client = new PortingClient({
    credentials: { username: 'SK0123456789abcdef0123456789abcdef', password: 'secret' },
    accountSid: 'AC0123456789abcdef0123456789abcdef',
    baseUrl: server.url,
    uploadBaseUrl: server.url,
    sleep: async () => undefined,
    now: () => NOW,
    onServerClock: (offsetMs) => reported.push(offsetMs),
  });
  clients.push(client);
  return { server, client, reported };
}

const httpDate = (ms: number) => new Date(ms).toUTCString();

describe("the server's clock, from the Date header of each answer", () => {
  it('reports a server 20 days ahead as 20 days, to the second', async () => {
    const { client, reported } = await serverWithDates([httpDate(NOW + 20 * DAY)]);
    expect(client.serverClockOffsetMs).toBeNull();
    await client.fetchPortIn(KW);
    expect(client.serverClockOffsetMs).toBe(20 * DAY);
    expect(reported).toEqual([20 * DAY]);
  });

  it('reports 0 for a server that agrees with our clock', async () => {
    const { client } = await serverWithDates([httpDate(NOW)]);
    await client.fetchPortIn(KW);
    expect(client.serverClockOffsetMs).toBe(0);
  });

  it('learns from error answers too: a 404 carries the clock as well', async () => {
    const { client, reported } = await serverWithDates([httpDate(NOW - 3 * DAY)], 404);
    await expect(client.fetchPortIn(KW)).rejects.toMatchObject({ kind: 'not_found' });
    expect(client.serverClockOffsetMs).toBe(-3 * DAY);
    expect(reported).toEqual([-3 * DAY]);
  });

  it('ignores answers without a Date header, or with one it cannot read', async () => {
    const { client, reported } = await serverWithDates([
      httpDate(NOW + DAY),
      null,
      'tomorrow, probably',
      '2026-05-09T12:00:00Z',
    ]);
    for (let i = 0; i < 4; i += 1) await client.fetchPortIn(KW);
    expect(client.serverClockOffsetMs).toBe(DAY);
    expect(reported).toEqual([DAY]);
  });

  it('follows the median of the last few answers, so one odd header does not move it', async () => {
    const { client, reported } = await serverWithDates([
      httpDate(NOW + DAY),
      httpDate(NOW + DAY),
      httpDate(NOW + 40 * DAY),
      httpDate(NOW + DAY),
    ]);
    for (let i = 0; i < 4; i += 1) await client.fetchPortIn(KW);
    expect(reported).toEqual([DAY, DAY, DAY, DAY]);
  });

  it('knows nothing from a server that never sends a Date', async () => {
    const { client, reported } = await serverWithDates([null]);
    await client.fetchPortIn(KW);
    expect(client.serverClockOffsetMs).toBeNull();
    expect(reported).toEqual([]);
  });
});
