import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IpcCommandError } from '../../../shared/ipc';
import { toCommandError } from '../../../main/core/app/ipcErrors';
import { startSimulator, type RunningSimulator } from '../../../main/simulator';
import { createHarness, type Harness } from './harness';

let sim: RunningSimulator;
let h: Harness;

beforeEach(async () => {
  sim = await startSimulator({ seed: 'webhooks' });
  h = await createHarness({ sim });
});
afterEach(async () => {
  await h.close();
  await sim.close();
});

async function refusal(act: Promise<unknown>): Promise<IpcCommandError> {
  const error = await act.then(
    () => new Error('expected a refusal'),
    (thrown: unknown) => thrown,
  );
  return toCommandError(error) as IpcCommandError;
}

describe('porting webhook configuration against the simulator (docs/porting.md, "Webhooks")', () => {
  it('shows "not configured" while Twilio has none (its 404 is not an error)', async () => {
    const view = await h.porting.getWebhookConfiguration({ accountId: h.accountId });
    expect(view).toEqual({
      accountId: h.accountId,
      configured: false,
      portInTargetUrl: null,
      portOutTargetUrl: null,
      notificationsOf: [],
      portInTargetDateCreated: null,
      portOutTargetDateCreated: null,
    });
  });

  it('sets both addresses and the events, then deletes one type and then the other', async () => {
    const saved = await h.porting.setWebhookConfiguration({
      accountId: h.accountId,
      portInTargetUrl: 'https://backoffice.example.com/port-in',
      portOutTargetUrl: 'https://backoffice.example.com/port-out',
      notificationsOf: ['PortInCompleted', 'PortInPhoneNumberRejected'],
    });
    expect(saved).toMatchObject({
      configured: true,
      portInTargetUrl: 'https://backoffice.example.com/port-in',
      portOutTargetUrl: 'https://backoffice.example.com/port-out',
      notificationsOf: ['PortInCompleted', 'PortInPhoneNumberRejected'],
    });
    // The GET after the POST brings the creation dates.
    expect(saved.portInTargetDateCreated).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const afterPortIn = await h.porting.deleteWebhookConfiguration({
      accountId: h.accountId,
      type: 'PORT_IN',
    });
    expect(afterPortIn).toMatchObject({
      configured: true,
      portInTargetUrl: null,
      portOutTargetUrl: 'https://backoffice.example.com/port-out',
    });
    const afterBoth = await h.porting.deleteWebhookConfiguration({
      accountId: h.accountId,
      type: 'PORT_OUT',
    });
    expect(afterBoth.configured).toBe(false);
    // Deleting what is already gone is what the agent wanted: no error.
    const again = await h.porting.deleteWebhookConfiguration({
      accountId: h.accountId,
      type: 'PORT_OUT',
    });
    expect(again.configured).toBe(false);
  });

  it('refuses an address that is not https, naming the field, before Twilio is asked', async () => {
    const error = await refusal(
      h.porting.setWebhookConfiguration({
        accountId: h.accountId,
        portInTargetUrl: 'http://backoffice.example.com/port-in',
        portOutTargetUrl: null,
        notificationsOf: [],
      }),
    );
    expect(error.code).toBe('invalid_payload');
    expect(error.fields).toEqual([
      {
        field: 'portInTargetUrl',
        message: 'Twilio sends webhooks over https only: the address must start with https://',
      },
    ]);
    const view = await h.porting.getWebhookConfiguration({ accountId: h.accountId });
    expect(view.configured).toBe(false);
  });

  it('refuses a configuration without any address', async () => {
    const error = await refusal(
      h.porting.setWebhookConfiguration({
        accountId: h.accountId,
        portInTargetUrl: null,
        portOutTargetUrl: null,
        notificationsOf: [],
      }),
    );
    expect(error.fields?.[0]?.field).toBe('portInTargetUrl');
  });

  it('refuses an account PortDesk does not have', async () => {
    const error = await refusal(h.porting.getWebhookConfiguration({ accountId: 'nope' }));
    expect(error.code).toBe('not_found');
    expect(error.fields?.[0]?.field).toBe('accountId');
  });
});
