import { useEffect, useState } from 'react';
import type { UpdateOfferView } from '../../shared/updates';
import { describeError, portdesk, request } from '../bridge';
import { useWizard } from '../store/wizardStore';
import { Button } from '../ui/Button';

/**
 * "Restart to update" (docs/release.md, "Updates"): a calm line at the top of the screen once
 * main has downloaded an update. Never forced and never a pop-up; hidden while the open draft
 * has edits not saved yet (main also withholds it while the outbox is sending, and refuses a
 * restart in words if either changes after the press).
 */
export function UpdateOffer() {
  const [offer, setOffer] = useState<UpdateOfferView | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [restarting, setRestarting] = useState(false);
  const unsavedDraft = useWizard((s) => s.save.state === 'saving' || s.save.state === 'error');

  useEffect(() => {
    let current = true;
    const unsubscribe = portdesk().onUpdateOffer((next) => {
      setOffer(next);
      setRefusal(null);
    });
    void request((bridge) => bridge.getUpdateOffer()).then((result) => {
      if (current && result.ok) setOffer((shown) => shown ?? result.data);
    });
    return () => {
      current = false;
      unsubscribe();
    };
  }, []);

  if (offer === null || unsavedDraft) return null;

  async function restart() {
    setRestarting(true);
    const result = await request((bridge) => bridge.restartToUpdate({ unsavedDraft }));
    setRestarting(false);
    if (!result.ok) setRefusal(describeError(result.error));
    else if (!result.data.restarting) setRefusal(result.data.reason);
  }

  return (
    <div className="update-offer" role="status">
      <p className="update-offer__text">
        PortDesk {offer.version} is ready. It installs when you restart.
        {refusal && <span className="update-offer__refusal"> {refusal}</span>}
      </p>
      <Button size="sm" variant="secondary" isDisabled={restarting} onPress={() => void restart()}>
        Restart to update
      </Button>
    </div>
  );
}
