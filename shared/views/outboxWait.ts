// View models: what a queued create waits for (see ./index.ts).
/** What a queued create waits for before it can be sent (an outbox dependency, docs/sync.md). */
export interface OutboxWaitView {
  /** The request whose cancel must finish (its numbers seen Canceled at Twilio). */
  requestSid: string;
  /** The numbers still held there, E.164; empty when the whole request is being canceled. */
  phoneNumbers: string[];
  /** "Waiting for the cancel of KW… to finish", plus what to do when that cancel failed. */
  words: string;
  /** The cancel failed: it needs the agent (retry it in the Outbox). */
  cancelFailed: boolean;
}
