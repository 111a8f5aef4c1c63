import { localDateString } from '../../../shared/domain/portDates';
import type { AccountView } from '../../../shared/views';
import { useApp } from '../../store/appStore';

/**
 * "Today" for a draft's date rules: the agent's local date at this instant on the account's
 * server clock, which Twilio counts "at least 7 days ahead" from (docs/porting.md, "Whose
 * today"). With an offset of 0 (a correct clock, or one not learned yet) it is the computer's.
 */
export function todayOnAccountClock(clockOffsetMs: number, nowMs: number = Date.now()): string {
  return localDateString(new Date(nowMs + clockOffsetMs));
}

function offsetOf(accounts: readonly AccountView[], accountId: string | undefined): number {
  return accounts.find((account) => account.id === accountId)?.clockOffsetMs ?? 0;
}

/** The account's today; re-renders when main reports a new clock offset for it. */
export function useAccountToday(accountId: string | undefined): string {
  const clockOffsetMs = useApp((s) => offsetOf(s.accounts, accountId));
  return todayOnAccountClock(clockOffsetMs);
}

/** The same outside a component, from the accounts the app holds now. */
export function accountToday(accountId: string | undefined): string {
  return todayOnAccountClock(offsetOf(useApp.getState().accounts, accountId));
}
