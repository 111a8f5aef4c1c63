import type { DraftPhoneNumber, PortabilityResultView } from '../../../shared/views';

/** One of the draft's numbers with its portability answer, if any. */
export interface NumberWithResult {
  number: DraftPhoneNumber;
  result: PortabilityResultView | null;
}

/**
 * The draft's numbers split by what the check said, each number in exactly one group, so the
 * tallies add up to the numbers in the request and each list below says the same count as its
 * tally. "Portable" means portable with nothing more to give; a portable number that needs a
 * PIN and the account number is counted there only.
 */
export interface PortabilityTally {
  portable: NumberWithResult[];
  needPin: NumberWithResult[];
  notPortable: NumberWithResult[];
  failed: NumberWithResult[];
  unchecked: NumberWithResult[];
}

export function portabilityTally(
  numbers: readonly DraftPhoneNumber[],
  results: readonly PortabilityResultView[],
): PortabilityTally {
  const byNumber = new Map(results.map((r) => [r.phoneNumber, r]));
  const tally: PortabilityTally = {
    portable: [],
    needPin: [],
    notPortable: [],
    failed: [],
    unchecked: [],
  };
  const seen = new Set<string>();
  for (const number of numbers) {
    // A number listed twice is one number to port (validation flags the duplicate).
    if (seen.has(number.phoneNumber)) continue;
    seen.add(number.phoneNumber);
    const result = byNumber.get(number.phoneNumber) ?? null;
    const row = { number, result };
    if (!result) tally.unchecked.push(row);
    else if (result.outcome === 'failed') tally.failed.push(row);
    else if (result.outcome === 'not_portable') tally.notPortable.push(row);
    else if (result.pinAndAccountNumberRequired) tally.needPin.push(row);
    else tally.portable.push(row);
  }
  return tally;
}
