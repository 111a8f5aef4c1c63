import type { DraftPatch } from '../../../shared/ipc';
import type { DraftPayload } from '../../../shared/views';

// The wizard saves edits as patches: typed at once on screen, sent to main a moment later.

/** Patches compose: later keys win, and the nested carrier/address objects merge. */
export function mergePatch(a: DraftPatch, b: DraftPatch): DraftPatch {
  const merged: DraftPatch = { ...a, ...b };
  if (a.losingCarrier || b.losingCarrier) {
    merged.losingCarrier = { ...a.losingCarrier, ...b.losingCarrier };
    if (a.losingCarrier?.address || b.losingCarrier?.address) {
      merged.losingCarrier.address = {
        ...a.losingCarrier?.address,
        ...b.losingCarrier?.address,
      };
    }
  }
  return merged;
}

export function applyPatch(payload: DraftPayload, patch: DraftPatch): DraftPayload {
  const { losingCarrier, ...top } = patch;
  return {
    ...payload,
    ...top,
    losingCarrier: losingCarrier
      ? {
          ...payload.losingCarrier,
          ...losingCarrier,
          address: { ...payload.losingCarrier.address, ...losingCarrier.address },
        }
      : payload.losingCarrier,
  };
}
