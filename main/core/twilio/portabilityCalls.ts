import type { PortabilityResult } from '../../../shared/domain';
import { json } from './responseReaders';
import { queryString, type CallOptions, type TwilioCaller } from './twilioCaller';
import { isTwilioError, KIND_SUMMARY, TwilioError } from './twilioError';
import { portabilityWire } from './wireSchemas';
import { toPortabilityResult } from './wireToDomain';

export type PortabilityOutcome =
  | { phoneNumber: string; result: PortabilityResult; error?: undefined }
  | { phoneNumber: string; error: TwilioError; result?: undefined };

export interface PortabilityCheckOptions extends CallOptions {
  targetAccountSid?: string;
  addressSid?: string;
}

export interface PortabilityBatchOptions extends PortabilityCheckOptions {
  /** Checks in flight at once. Default 8. */
  concurrency?: number;
  onProgress?: (progress: {
    done: number;
    total: number;
    phoneNumber: string;
    outcome: PortabilityOutcome;
  }) => void;
}

const DEFAULT_PORTABILITY_CONCURRENCY = 8;
// Built once: readers are on the hot path of every call.
const readPortability = json(portabilityWire, toPortabilityResult);

export function checkPortability(
  caller: TwilioCaller,
  phoneNumber: string,
  opts: PortabilityCheckOptions = {},
): Promise<PortabilityResult> {
  const query = new URLSearchParams();
  if (opts.targetAccountSid !== undefined) query.set('TargetAccountSid', opts.targetAccountSid);
  if (opts.addressSid !== undefined) query.set('AddressSid', opts.addressSid);
  return caller.call(
    {
      method: 'GET',
      baseUrl: caller.baseUrl,
      // encodeURIComponent turns the E.164 `+` into %2B; a raw `+` could be read as a space.
      path: `/v1/Porting/Portability/PhoneNumber/${encodeURIComponent(phoneNumber)}${queryString(query)}`,
      operation: `check the portability of ${phoneNumber}`,
      signal: opts.signal,
    },
    readPortability,
  );
}

/**
 * One outcome per number, in input order; one failure never fails the batch. An abort stops
 * new checks from starting and rejects with an aborted TwilioError (name "AbortError").
 */
export async function checkPortabilityMany(
  caller: TwilioCaller,
  numbers: readonly string[],
  opts: PortabilityBatchOptions = {},
): Promise<PortabilityOutcome[]> {
  const { signal, onProgress } = opts;
  const total = numbers.length;
  const outcomes: PortabilityOutcome[] = new Array<PortabilityOutcome>(total);
  const workers = Math.max(1, Math.min(opts.concurrency ?? DEFAULT_PORTABILITY_CONCURRENCY, total));
  let next = 0;
  let done = 0;
  let broken = false;

  const work = async (): Promise<void> => {
    while (next < total && !broken && signal?.aborted !== true) {
      const index = next;
      next += 1;
      const phoneNumber = numbers[index] ?? '';
      let outcome: PortabilityOutcome;
      try {
        const result = await checkPortability(caller, phoneNumber, {
          targetAccountSid: opts.targetAccountSid,
          addressSid: opts.addressSid,
          signal,
        });
        outcome = { phoneNumber, result };
      } catch (error) {
        if (!isTwilioError(error)) {
          broken = true;
          throw error;
        }
        outcome = { phoneNumber, error };
      }
      outcomes[index] = outcome;
      done += 1;
      try {
        onProgress?.({ done, total, phoneNumber, outcome });
      } catch (error) {
        broken = true;
        throw error;
      }
    }
  };

  await Promise.all(Array.from({ length: workers }, work));
  if (signal?.aborted) {
    throw new TwilioError({
      kind: 'aborted',
      httpStatus: 0,
      mayHaveReachedServer: false,
      message: `Portability checks stopped after ${done} of ${total}: ${KIND_SUMMARY.aborted}.`,
    });
  }
  return outcomes;
}
