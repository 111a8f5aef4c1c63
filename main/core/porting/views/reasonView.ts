import { explainReason, type ReasonKind } from '../../../../shared/domain/reasonCodes';
import { cappedReasonText, toReasonView } from '../../../../shared/domain/reasonViews';
import type { DraftFieldKey, ReasonView } from '../../../../shared/views';

export { toReasonView };

/** A code and/or name as Twilio sent it, explained; unknown ones are shown raw, never hidden. */
export function reasonView(
  kind: ReasonKind,
  code: number | string | null | undefined,
  name: string | null | undefined,
): ReasonView {
  return toReasonView(explainReason({ kind, code: code ?? null, name: name ?? null }));
}

/** Why something could not be done at all (no answer from Twilio), in the same shape. */
export function failureReasonView(failure: {
  title: string;
  message: string;
  fix: string;
  code?: number | null;
  field?: DraftFieldKey | null;
}): ReasonView {
  return {
    code: failure.code ?? null,
    name: null,
    title: cappedReasonText(failure.title, 200),
    meaning: cappedReasonText(failure.message),
    fix: cappedReasonText(failure.fix),
    field: failure.field ?? null,
  };
}
