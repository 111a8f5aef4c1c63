import { expect, test } from '@playwright/test';
import {
  addDays,
  earliestTargetPortDate,
  localDateString,
  weekdayName,
} from '../../shared/domain/portDates';
import { formatCalendarDate } from '../../renderer/ui/format';
import { openApp, screenshots, type FakeGlobal } from './helpers';

const DAY = 86_400_000;
/** The demo scenario's account in the fake bridge. */
const SIM_ACCOUNT = 'sim-1';

test('the port date counts its 7 days from the account’s today when the account’s clock runs ahead', async ({
  page,
}) => {
  await openApp(page);
  await page.getByRole('button', { name: 'New port-in' }).first().click();
  await page.getByRole('button', { name: 'Start' }).click();
  await page
    .getByRole('navigation', { name: 'Steps of the new port-in' })
    .getByRole('button', { name: /Port date/ })
    .click();

  // A clock that agrees with ours: the wall clock's today, and nothing more said about it.
  const localToday = localDateString(new Date());
  const localEarliest = earliestTargetPortDate({ today: localToday });
  await expect(
    page.getByRole('button', { name: `Use ${formatCalendarDate(localEarliest)}` }),
  ).toBeVisible();
  await expect(page.getByText(/this computer says/)).toBeHidden();

  // Main learns the account's server clock is 20 days ahead and refreshes the accounts.
  await page.evaluate(
    ({ accountId, ms }) =>
      (globalThis as unknown as FakeGlobal).__portdeskFake.setClockOffset(accountId, ms),
    { accountId: SIM_ACCOUNT, ms: 20 * DAY },
  );
  const accountToday = localDateString(new Date(Date.now() + 20 * DAY));
  const accountEarliest = earliestTargetPortDate({ today: accountToday });
  await expect(
    page.getByRole('button', { name: `Use ${formatCalendarDate(accountEarliest)}` }),
  ).toBeVisible();
  await expect(
    page.getByText(
      `Counted from today on this account’s Twilio clock, ${formatCalendarDate(accountToday)} (this computer says ${formatCalendarDate(localToday)}).`,
    ),
  ).toBeVisible();

  // A date 8 days after the wall clock is too soon for this account, in the field's own words.
  const tooSoon = addDays(localToday, 8);
  const [year, month, day] = tooSoon.split('-');
  await page.getByRole('spinbutton', { name: /month/i }).first().click();
  await page.keyboard.type(`${month}${day}${year}`);
  const firstAllowed = addDays(accountToday, 7);
  await expect(
    page.getByText(
      `The target port date must be at least 7 days from today: ${weekdayName(firstAllowed)} ${firstAllowed} or later.`,
    ),
  ).toBeVisible();
  await screenshots(page, 'wizard-date-account-clock');

  await page.getByRole('button', { name: 'Clear the date' }).click();
  await page.getByRole('button', { name: `Use ${formatCalendarDate(accountEarliest)}` }).click();
  await expect(page.getByText(/must be at least 7 days/)).toBeHidden();
});
