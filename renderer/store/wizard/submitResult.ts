import type { DraftView, SubmitResultView } from '../../../shared/views';

/**
 * What the submit screen shows once the outbox has moved the draft on: "submitted" with the SID
 * when Twilio created the request, the editable draft (with its "Sending failed" banner) when the
 * send failed; "queued" otherwise. Only `failed` ends "queued": an `editing` copy may be a read
 * that main answered just before the submit.
 */
export function submitResultAfter(
  shown: SubmitResultView | null,
  draft: DraftView,
): SubmitResultView | null {
  if (draft.status === 'submitted' && draft.requestSid) {
    return { state: 'created', draftId: draft.id, requestSid: draft.requestSid };
  }
  if (shown?.state === 'queued' && draft.status === 'failed') return null;
  return shown;
}
