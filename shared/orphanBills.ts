/**
 * A bill PortDesk uploaded to Twilio that no request uses (docs/porting.md, "Bills uploaded to
 * Twilio but not used"): the create it was for was discarded, failed and was edited, or its
 * draft was deleted. Twilio documents no way to delete or list Documents, so PortDesk shows
 * them, and uses the same document again when the same bill is attached to a new port-in.
 */
export interface OrphanBillView {
  /** RD… at Twilio. */
  documentSid: string;
  fileName: string;
  sizeBytes: number;
  accountId: string;
  accountLabel: string;
  /** ISO instant of the upload. */
  uploadedAt: string;
}
