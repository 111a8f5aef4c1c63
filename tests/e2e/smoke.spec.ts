import { demoSmokeFlow } from './flows/demoSmoke';
import { expect, realCore, test } from './harness/fixtures';

// One simulated minute per real second: the opened request's LOA (26 simulated minutes away)
// arrives well after the first sync on a slow machine, and well within the test's time.
test.use({ core: { create: realCore, options: { demoAcceleration: 60 } } });

test('start → demo mode → requests → a request’s timeline → the simulator moves it on → the new status, live', async ({
  portdesk,
  page,
}) => {
  await portdesk.open();
  await demoSmokeFlow(page, {
    screenshot: (step) => portdesk.screenshot(step),
    syncNow: () => portdesk.core.syncNow(),
  });

  // The LOA link goes through the host's external-link policy (here: the demo simulator's page).
  await page.getByRole('button', { name: 'Open LOA signing link' }).click();
  await expect.poll(() => portdesk.openedLinks.length).toBe(1);
  expect(portdesk.openedLinks[0]).toMatch(
    /^http:\/\/127\.0\.0\.1:\d+\/__sim\/loa\/KW[0-9a-f]{32}$/,
  );

  expect(portdesk.cspViolations).toEqual([]);
  expect(portdesk.invocations.filter((call) => !call.ok)).toEqual([]);
});
