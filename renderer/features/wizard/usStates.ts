import { US_STATES } from '../../../shared/domain/fieldRules';

/** The state picker's options: every code the shared rules accept, the code first. */
export const US_STATE_OPTIONS: readonly { value: string; label: string }[] = US_STATES.map(
  ({ code, name }) => ({ value: code, label: `${code} — ${name}` }),
);

export const US_STATE_PICKS: ReadonlySet<string> = new Set(US_STATES.map((s) => s.code));
