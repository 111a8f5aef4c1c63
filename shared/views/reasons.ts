// View models: reasons in words (rejections, not-portable, failures) (see ./index.ts).
import type { DraftFieldKey } from './fields';

/**
 * A Twilio reason code explained for an agent (REASON-CODES.md). Unknown codes still produce a
 * view: the raw name/code and a generic "contact Twilio porting support" fix — never hidden.
 */
export interface ReasonView {
  code: number | null;
  /** The wire name, e.g. `INVALID_PIN`, or null when Twilio sent only a code. */
  name: string | null;
  /** Short title, e.g. "Invalid PIN". */
  title: string;
  /** What happened, in words. */
  meaning: string;
  /** What the agent does about it. */
  fix: string;
  /** The draft field to correct when resubmitting, when there is one. */
  field: DraftFieldKey | null;
}
