import { beforeEach, describe, expect } from 'vitest';
import type { Notice } from '../../../main/core/notify/types';
import { coreTest } from '../../fixtures/coreWithSimulator';
import { minimalPdf } from '../../unit/twilio/documentBytes';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function waitFor<T>(
  probe: () => Promise<T | null | undefined>,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function isoDateInDays(days: number): string {
  return new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
}

describe('a port-in from draft to completed, through the core', () => {
  let clock = Date.now();
  const notices: Notice[] = [];
  // Started by the test once it listens for notices.
  const it = coreTest.scoped({
    setup: {
      simulator: { seed: 'lifecycle' },
      core: { now: () => clock, timeZone: 'America/New_York' },
      start: false,
    },
  });

  beforeEach(() => {
    clock = Date.now();
    notices.length = 0;
  });

  it('produces the expected timeline and notices', async ({ core, sim }) => {
    core.onNotice((notice) => notices.push(notice));
    await core.start();
    const account = await core.handlers.addAccount({
      label: 'Acme porting',
      accountSid: sim.credentials.accountSid,
      credential: {
        kind: 'api_key',
        keySid: sim.credentials.apiKeySid,
        secret: sim.credentials.apiKeySecret,
      },
    });
    await core.syncNow(account.id); // the account's first sync: nothing there yet, no pop-ups

    const draft = await core.handlers.createDraft({
      accountId: account.id,
      initial: {
        phoneNumbers: [
          { phoneNumber: '+14155550123', pin: null },
          { phoneNumber: '+14155550124', pin: null },
        ],
        losingCarrier: {
          customerType: 'Business',
          customerName: 'Acme Inc',
          accountNumber: '123456',
          accountTelephoneNumber: '+14155550100',
          authorizedRepresentative: 'Jane Doe',
          authorizedRepresentativeEmail: 'jane@acme.example',
          address: {
            street: '1 Main St',
            city: 'Springfield',
            state: 'IL',
            zip: '62701',
            country: 'US',
          },
        },
        targetPortInDate: isoDateInDays(10),
      },
    });
    await core.handlers.attachBill({
      draftId: draft.id,
      name: 'bill.pdf',
      bytes: minimalPdf(),
    });
    const validation = await core.handlers.validateDraft({ draftId: draft.id });
    expect(validation).toEqual({ fieldErrors: [], ready: true });

    const submitted = await core.handlers.submitDraft({ draftId: draft.id });
    expect(submitted.state).toBe('queued');
    const requestSid = await waitFor(
      async () => (await core.handlers.getDraft({ draftId: draft.id })).requestSid,
      'the outbox to create the request',
    );
    expect(requestSid).toMatch(/^KW[0-9a-f]{32}$/);

    // Drive the simulator through the lifecycle; the core's clock moves too, so fetches are due.
    const step = async (simulatedMs: number) => {
      sim.control.advance(simulatedMs);
      clock += 10 * 60_000;
      await core.syncNow(account.id);
      return core.handlers.getRequestDetail({ sid: requestSid });
    };
    let detail = await step(HOUR);
    expect(detail.request.status.canonical).toBe('waiting_for_signature');
    expect(detail.request.hasLoaLink).toBe(true);

    sim.control.signLoa(requestSid);
    detail = await step(HOUR);
    expect(detail.request.status.canonical).toBe('in_progress');
    detail = await step(2 * DAY);
    expect(
      detail.numbers.every(
        (number) => number.status.canonical === 'pending' && number.portDate !== null,
      ),
    ).toBe(true);
    detail = await step(20 * DAY);
    expect(detail.request.status.canonical).toBe('completed');
    expect(detail.numbers.map((number) => number.status.canonical)).toEqual([
      'completed',
      'completed',
    ]);

    const kinds = detail.timeline.map(
      (entry) => `${entry.kind}${entry.numberSid ? ':number' : ''}`,
    );
    expect(kinds[0]).toBe('request_created');
    expect(kinds).toContain('loa_link_available');
    expect(kinds.filter((kind) => kind === 'port_date_set:number')).toHaveLength(2);
    const requestStatuses = detail.timeline
      .filter((entry) => entry.kind === 'status_changed' && entry.numberSid === null)
      .map((entry) => entry.detail.toStatus);
    expect(requestStatuses).toEqual(['waiting_for_signature', 'in_progress', 'completed']);

    const noticeKinds = notices.filter((n) => n.requestSid === requestSid).map((n) => n.kind);
    expect(noticeKinds).toEqual(['loa_waiting', 'port_date_set', 'completed']);
    expect(notices.find((n) => n.kind === 'completed')?.title).toContain('Acme Inc');
  });
});
