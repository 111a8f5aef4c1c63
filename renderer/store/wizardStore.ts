import { create } from 'zustand';
import type { DraftView, RequestDetailView } from '../../shared/views';
import { request } from '../bridge';
import { billActions } from './wizard/billActions';
import { applyPatch, mergePatch } from './wizard/draftPatch';
import { localEdits, withLocalEdits } from './wizard/localEdits';
import { portabilityActions } from './wizard/portabilityActions';
import { WIZARD_STEPS, type WizardStep } from './wizard/steps';
import { submitResultAfter } from './wizard/submitResult';
import type { NotAddedNumber, SaveState, WizardState } from './wizard/wizardState';
import { registerWizard, useUnsavedDraft } from './wizardLink';

/** Typing is saved this long after the last keystroke (and at once when leaving a step). */
const SAVE_DEBOUNCE_MS = 400;

let timer: number | undefined;
let saving: Promise<void> | null = null;
/** Bumped by every open/create, so a slower earlier open does not overwrite a later one. */
let opening = 0;

/** The rejected request a fix-and-resubmit draft corrects; null when PortDesk no longer has it. */
async function originalOf(draft: DraftView): Promise<RequestDetailView | null> {
  if (!draft.origin) return null;
  const { requestSid } = draft.origin;
  const result = await request((b) => b.getRequestDetail({ sid: requestSid }));
  return result.ok ? result.data : null;
}

export const useWizard = create<WizardState>()((set, get) => {
  async function saveNow(): Promise<void> {
    window.clearTimeout(timer);
    const draft = get().draft;
    if (!draft || !localEdits.pending) return;
    const patch = localEdits.pending;
    localEdits.pending = null;
    set({ save: { ...get().save, state: 'saving' } });
    const result = await request((b) => b.updateDraft({ draftId: draft.id, patch }));
    if (get().draft?.id !== draft.id) return;
    if (!result.ok) {
      // Keep the edit: it is retried with the next change or when leaving the step.
      localEdits.pending = localEdits.pending ? mergePatch(patch, localEdits.pending) : patch;
      set({ save: { state: 'error', at: Date.now(), error: result.error } });
      return;
    }
    // Edits typed while this save was in flight stay on top of what main returned.
    const payload = localEdits.pending
      ? applyPatch(result.data.payload, localEdits.pending)
      : result.data.payload;
    set({
      draft: { ...result.data, payload },
      save: { state: localEdits.pending ? 'saving' : 'saved', at: Date.now(), error: null },
    });
  }

  function initialState() {
    return {
      draft: null,
      original: null,
      loading: false,
      loadError: null,
      save: { state: 'idle', at: null, error: null } as SaveState,
      step: 'numbers' as WizardStep,
      touched: new Set<string>(),
      showAllErrors: false,
      upload: null,
      billBytes: null,
      submitting: false,
      submitResult: null,
      submitError: null,
      notAdded: [],
      focusField: null,
      visited: new Set<WizardStep>(),
    };
  }

  return {
    ...initialState(),
    ...billActions(set, get),
    ...portabilityActions(set, get),

    async open(draftId, chooseStep) {
      // The store can still hold this draft when its screen opens it again (seen since the
      // screens load lazily): save its edits, then open it afresh at its first problem.
      if (get().draft?.id === draftId) await get().flush();
      localEdits.pending = null;
      const ticket = ++opening;
      set({ ...initialState(), loading: true });
      const result = await request((b) => b.getDraft({ draftId }));
      if (ticket !== opening) return;
      if (!result.ok) {
        set({ loading: false, loadError: result.error });
        return;
      }
      const draft = result.data;
      const original = await originalOf(draft);
      if (ticket !== opening) return;
      const step: WizardStep = chooseStep
        ? chooseStep(draft, original)
        : draft.payload.phoneNumbers.length
          ? 'review'
          : 'numbers';
      set({
        draft,
        original,
        loading: false,
        step,
        // A saved draft opens on its first problem: the steps before it were done before.
        visited: new Set(WIZARD_STEPS.slice(0, WIZARD_STEPS.indexOf(step) + 1)),
        showAllErrors: Boolean(draft.origin),
        submitResult:
          draft.status === 'submitted' && draft.requestSid
            ? { state: 'created', draftId: draft.id, requestSid: draft.requestSid }
            : null,
      });
    },

    async create(accountId) {
      localEdits.pending = null;
      const ticket = ++opening;
      set({ ...initialState(), loading: true });
      const result = await request((b) => b.createDraft({ accountId }));
      if (ticket !== opening) return null;
      if (!result.ok) {
        set({ loading: false, loadError: result.error });
        return null;
      }
      set({ draft: result.data, loading: false, visited: new Set<WizardStep>(['numbers']) });
      return result.data;
    },

    close() {
      void get().flush();
      set(initialState());
    },

    setStep(step, focusField) {
      void get().flush();
      const visited = new Set(get().visited);
      // The step being left was seen; the one opened is seen from now on.
      visited.add(get().step);
      visited.add(step);
      set({ step, visited, focusField: focusField ?? null });
    },

    clearFocusField() {
      if (get().focusField !== null) set({ focusField: null });
    },

    touch(field) {
      if (get().touched.has(field)) return;
      set({ touched: new Set([...get().touched, field]) });
    },

    revealErrors() {
      set({ showAllErrors: true });
    },

    edit(patch) {
      const draft = get().draft;
      if (!draft || draft.status !== 'editing') return;
      localEdits.pending = localEdits.pending ? mergePatch(localEdits.pending, patch) : patch;
      set({
        draft: { ...draft, payload: applyPatch(draft.payload, patch) },
        save: { ...get().save, state: 'saving' },
      });
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void get().flush(), SAVE_DEBOUNCE_MS);
    },

    async changeAccount(accountId) {
      const draft = get().draft;
      if (!draft) return;
      await get().flush();
      const result = await request((b) =>
        b.updateDraft({ draftId: draft.id, accountId, patch: {} }),
      );
      if (result.ok) set({ draft: result.data });
      else set({ save: { state: 'error', at: Date.now(), error: result.error } });
    },

    async flush() {
      // One save at a time, in order; a flush waits for the save in flight, then sends the rest.
      while (saving) await saving;
      if (!localEdits.pending) return;
      saving = saveNow().finally(() => {
        saving = null;
      });
      await saving;
    },

    async reloadDraft() {
      const draft = get().draft;
      if (!draft) return;
      const result = await request((b) => b.getDraft({ draftId: draft.id }));
      if (result.ok && get().draft?.id === draft.id) {
        set({
          draft: withLocalEdits(result.data),
          submitResult: submitResultAfter(get().submitResult, result.data),
        });
      }
    },

    async loadOriginal() {
      const draft = get().draft;
      if (!draft?.origin) return;
      const original = await originalOf(draft);
      if (get().draft?.id === draft.id) set({ original });
    },

    async submit() {
      const draft = get().draft;
      if (!draft) return;
      set({ submitting: true, submitError: null, showAllErrors: true });
      await get().flush();
      const result = await request((b) => b.submitDraft({ draftId: draft.id }));
      if (get().draft?.id !== draft.id) return;
      if (!result.ok) {
        set({ submitting: false, submitError: result.error });
        if (result.error.fields) {
          const current = get().draft;
          if (current) set({ draft: { ...current, fieldErrors: result.error.fields } });
        }
        return;
      }
      set({ submitting: false, submitResult: result.data });
      await get().reloadDraft();
    },

    keepNotAdded(numbers) {
      const kept = get().notAdded;
      // A pasted number once; a CSV row once (an empty cell is only told apart by its row).
      const keyOf = (n: NotAddedNumber) => `${n.row ?? ''}|${n.text.trim()}`;
      const known = new Set(kept.map(keyOf));
      const fresh: NotAddedNumber[] = [];
      for (const number of numbers) {
        if (known.has(keyOf(number))) continue;
        known.add(keyOf(number));
        fresh.push(number);
      }
      if (fresh.length > 0) set({ notAdded: [...kept, ...fresh] });
    },

    dismissNotAdded() {
      set({ notAdded: [] });
    },
  };
});

// The shell reaches this store through wizardLink.ts, so that it stays in the wizard's chunk.
registerWizard({
  applyPortabilityProgress: (event) => useWizard.getState().applyPortabilityProgress(event),
  applyUploadProgress: (event) => useWizard.getState().applyUploadProgress(event),
  draftsChanged(draftIds) {
    const draftId = useWizard.getState().draft?.id;
    if (draftId !== undefined && (draftIds.length === 0 || draftIds.includes(draftId))) {
      void useWizard.getState().reloadDraft();
    }
  },
});
useWizard.subscribe(({ save }) => {
  const unsaved = save.state === 'saving' || save.state === 'error';
  if (useUnsavedDraft.getState().unsaved !== unsaved) useUnsavedDraft.setState({ unsaved });
});
