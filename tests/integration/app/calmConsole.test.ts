import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../main/simulator';
import { completeForm, createHarness, type Harness } from '../porting/harness';

/**
 * Issue 11 §3: the host's console stays calm. A portability check runs its calls eight at a
 * time on one AbortSignal; Node warns (MaxListenersExceededWarning) past ten abort listeners.
 */
describe('a calm console', () => {
  let sim: RunningSimulator;
  let h: Harness;
  const warnings: Error[] = [];
  const onWarning = (warning: Error) => warnings.push(warning);

  beforeAll(async () => {
    sim = await startSimulator({ seed: 'calm-console' });
    h = await createHarness({ sim });
    process.on('warning', onWarning);
  });

  afterAll(async () => {
    process.off('warning', onWarning);
    await h.close();
    await sim.close();
  });

  it('checks 200 numbers for portability without a MaxListenersExceededWarning', async () => {
    const phoneNumbers = Array.from(
      { length: 200 },
      (_, i) => `+1312555${String(i).padStart(4, '0')}`,
    );
    const draft = await h.porting.createDraft({
      accountId: h.accountId,
      initial: completeForm(phoneNumbers),
    });
    const { checkId } = await h.porting.startPortabilityCheck({ draftId: draft.id });
    await h.porting.portabilitySettled(checkId);
    // Warnings are emitted on the next tick.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(warnings.map((warning) => `${warning.name}: ${warning.message}`)).toEqual([]);
  });
});
