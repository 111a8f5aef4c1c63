import { request } from '../../bridge';
import type { WizardGet, WizardSet, WizardState } from './wizardState';

type PortabilityActions = Pick<
  WizardState,
  'startPortability' | 'cancelPortability' | 'applyPortabilityProgress'
>;

/** The portability step's actions: start or stop main's check, merge its progress events. */
export function portabilityActions(set: WizardSet, get: WizardGet): PortabilityActions {
  return {
    async startPortability(phoneNumbers) {
      const draft = get().draft;
      if (!draft) return null;
      await get().flush();
      const result = await request((b) =>
        b.startPortabilityCheck(
          phoneNumbers ? { draftId: draft.id, phoneNumbers } : { draftId: draft.id },
        ),
      );
      if (!result.ok) return result.error;
      const current = get().draft;
      if (current?.id === draft.id) {
        const checking = new Set(
          phoneNumbers ?? current.payload.phoneNumbers.map((n) => n.phoneNumber),
        );
        set({
          draft: {
            ...current,
            portability: {
              checkId: result.data.checkId,
              state: 'running',
              done: 0,
              total: result.data.total,
              results: current.portability.results.filter((r) => !checking.has(r.phoneNumber)),
            },
          },
        });
      }
      return null;
    },

    async cancelPortability() {
      const checkId = get().draft?.portability.checkId;
      if (!checkId) return;
      await request((b) => b.cancelPortabilityCheck({ checkId }));
    },

    applyPortabilityProgress(event) {
      const draft = get().draft;
      if (!draft || draft.id !== event.draftId) return;
      const byNumber = new Map(draft.portability.results.map((r) => [r.phoneNumber, r]));
      for (const result of event.results) byNumber.set(result.phoneNumber, result);
      const order = draft.payload.phoneNumbers.map((n) => n.phoneNumber);
      const results = order.flatMap((n) => {
        const r = byNumber.get(n);
        return r ? [r] : [];
      });
      set({
        draft: {
          ...draft,
          portability: {
            checkId: event.checkId,
            state: event.state,
            done: event.done,
            total: event.total,
            results,
          },
        },
      });
    },
  };
}
