import { useEffect } from 'react';
import { useUpdates } from '../store/updateStore';
import { useUnsavedDraft } from '../store/wizardLink';
import { PlainButton } from '../ui/NativeButton';

/**
 * "Restart to update" (docs/release.md, "Updates"): a calm line at the top of the screen once
 * main has downloaded an update. Never forced and never a pop-up; hidden while the open draft
 * has edits not saved yet (main also withholds it while the outbox is sending, and refuses a
 * restart in words if either changes after the press).
 */
export function UpdateOffer() {
  const offer = useUpdates((s) => s.offer);
  const refusal = useUpdates((s) => s.refusal);
  const restarting = useUpdates((s) => s.restarting);
  const unsavedDraft = useUnsavedDraft((s) => s.unsaved);

  useEffect(() => useUpdates.getState().watch(), []);

  if (offer === null || unsavedDraft) return null;

  const restart = () => useUpdates.getState().restart(unsavedDraft);

  return (
    <div className="update-offer" role="status">
      <p className="update-offer__text">
        PortDesk {offer.version} is ready. It installs when you restart.
        {refusal && <span className="update-offer__refusal"> {refusal}</span>}
      </p>
      <PlainButton
        size="sm"
        variant="secondary"
        isDisabled={restarting}
        onPress={() => void restart()}
      >
        Restart to update
      </PlainButton>
    </div>
  );
}
