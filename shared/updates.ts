import { z } from 'zod';

/**
 * The update offer's contract (docs/release.md, "Updates"): self-contained so it can move with
 * the IPC contract. Main offers an update only once it is downloaded and the agent is not in the
 * middle of something; the agent restarts when they choose, never PortDesk on its own.
 */
export const UpdateOfferSchema = z.strictObject({
  /** The downloaded version, e.g. "1.4.0". */
  version: z.string().min(1).max(64),
});
export type UpdateOfferView = z.output<typeof UpdateOfferSchema>;

export const RestartToUpdateSchema = z.strictObject({
  /** The renderer has draft edits not saved yet: main then refuses, and says why. */
  unsavedDraft: z.boolean(),
});

export interface RestartToUpdateView {
  restarting: boolean;
  /** Why not, in words, when `restarting` is false. */
  reason: string | null;
}
