import { useEffect, useState } from 'react';
import type { DraftValidationView } from '../../../shared/views';
import { request } from '../../bridge';
import { useWizard } from '../wizardStore';

/**
 * Main's verdict on the open draft (null until it answers), asked again after every saved
 * change: the unsaved edits are saved first, so the verdict is about what the agent sees.
 */
export function useDraftValidation(): DraftValidationView | null {
  const draftId = useWizard((s) => s.draft?.id);
  const updatedAt = useWizard((s) => s.draft?.updatedAt);
  const flush = useWizard((s) => s.flush);
  const [validation, setValidation] = useState<DraftValidationView | null>(null);

  useEffect(() => {
    if (draftId === undefined) return undefined;
    let live = true;
    void (async () => {
      await flush();
      const result = await request((b) => b.validateDraft({ draftId }));
      if (live && result.ok) setValidation(result.data);
    })();
    return () => {
      live = false;
    };
  }, [draftId, updatedAt, flush]);

  return validation;
}
