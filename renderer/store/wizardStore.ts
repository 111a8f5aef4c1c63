import { create } from 'zustand';
import type { DraftPatch, IpcError } from '../../shared/ipc';
import type {
  DraftPayload,
  DraftView,
  PortabilityProgressView,
  RequestDetailView,
  SubmitResultView,
  UploadProgressView,
} from '../../shared/views';
import { request } from '../bridge';
import type { WizardStep } from './wizard/steps';

/** Typing is saved this long after the last keystroke (and at once when leaving a step). */
export const SAVE_DEBOUNCE_MS = 400;

export interface SaveState {
  state: 'idle' | 'saving' | 'saved' | 'error';
  at: number | null;
  error: IpcError | null;
}

export interface LocalUpload {
  name: string;
  phase: 'reading' | UploadProgressView['phase'];
  loadedBytes: number;
  totalBytes: number;
  message: string | null;
}

/**
 * A pasted number the Add left out for good (toll-free, not US): kept on screen with its reason
 * until the agent copies or dismisses it, so nothing pasted disappears silently.
 */
export interface NotAddedNumber {
  /** As pasted. */
  text: string;
  status: 'toll_free' | 'non_us';
  reason: string;
}

/** Picks the step a saved draft opens on (features/wizard/initialStep.ts). */
export type ChooseStep = (draft: DraftView, original: RequestDetailView | null) => WizardStep;

interface WizardState {
  draft: DraftView | null;
  /**
   * The rejected request a fix-and-resubmit draft corrects, as PortDesk last synced it (null for
   * other drafts, or when it is gone): which numbers were rejected for what, what was sent.
   */
  original: RequestDetailView | null;
  loading: boolean;
  loadError: IpcError | null;
  save: SaveState;
  step: WizardStep;
  /** Fields the agent has left (blur) — their errors show; the rest wait for "Next" or submit. */
  touched: ReadonlySet<string>;
  showAllErrors: boolean;
  upload: LocalUpload | null;
  submitting: boolean;
  submitResult: SubmitResultView | null;
  /** The last submit's refusal; it stays on Review until the next submit. */
  submitError: IpcError | null;
  notAdded: NotAddedNumber[];

  open(draftId: number, chooseStep?: ChooseStep): Promise<void>;
  create(accountId: string): Promise<DraftView | null>;
  close(): void;
  setStep(step: WizardStep): void;
  touch(field: string): void;
  revealErrors(): void;
  edit(patch: DraftPatch): void;
  changeAccount(accountId: string): Promise<void>;
  flush(): Promise<void>;
  attachBill(file: File): Promise<void>;
  removeBill(): Promise<void>;
  startPortability(phoneNumbers?: string[]): Promise<IpcError | null>;
  cancelPortability(): Promise<void>;
  applyPortabilityProgress(event: PortabilityProgressView): void;
  applyUploadProgress(event: UploadProgressView): void;
  reloadDraft(): Promise<void>;
  loadOriginal(): Promise<void>;
  submit(): Promise<void>;
  /** Adds to the "Not added" list (a number already there is not listed twice). */
  keepNotAdded(numbers: readonly NotAddedNumber[]): void;
  dismissNotAdded(): void;
}

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

let pending: DraftPatch | null = null;
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
    if (!draft || !pending) return;
    const patch = pending;
    pending = null;
    set({ save: { ...get().save, state: 'saving' } });
    const result = await request((b) => b.updateDraft({ draftId: draft.id, patch }));
    if (get().draft?.id !== draft.id) return;
    if (!result.ok) {
      // Keep the edit: it is retried with the next change or when leaving the step.
      pending = pending ? mergePatch(patch, pending) : patch;
      set({ save: { state: 'error', at: Date.now(), error: result.error } });
      return;
    }
    // Edits typed while this save was in flight stay on top of what main returned.
    const payload = pending ? applyPatch(result.data.payload, pending) : result.data.payload;
    set({
      draft: { ...result.data, payload },
      save: { state: pending ? 'saving' : 'saved', at: Date.now(), error: null },
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
      submitting: false,
      submitResult: null,
      submitError: null,
      notAdded: [],
    };
  }

  return {
    ...initialState(),

    async open(draftId, chooseStep) {
      if (get().draft?.id === draftId) return;
      pending = null;
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
      set({
        draft,
        original,
        loading: false,
        step: chooseStep
          ? chooseStep(draft, original)
          : draft.payload.phoneNumbers.length
            ? 'review'
            : 'numbers',
        showAllErrors: Boolean(draft.origin),
        submitResult:
          draft.status === 'submitted' && draft.requestSid
            ? { state: 'created', draftId: draft.id, requestSid: draft.requestSid }
            : null,
      });
    },

    async create(accountId) {
      pending = null;
      const ticket = ++opening;
      set({ ...initialState(), loading: true });
      const result = await request((b) => b.createDraft({ accountId }));
      if (ticket !== opening) return null;
      if (!result.ok) {
        set({ loading: false, loadError: result.error });
        return null;
      }
      set({ draft: result.data, loading: false });
      return result.data;
    },

    close() {
      void get().flush();
      set(initialState());
    },

    setStep(step) {
      void get().flush();
      set({ step });
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
      pending = pending ? mergePatch(pending, patch) : patch;
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
      if (!pending) return;
      saving = saveNow().finally(() => {
        saving = null;
      });
      await saving;
    },

    async attachBill(file) {
      const draft = get().draft;
      if (!draft) return;
      set({
        upload: {
          name: file.name,
          phase: 'reading',
          loadedBytes: 0,
          totalBytes: file.size,
          message: null,
        },
      });
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await file.arrayBuffer());
      } catch {
        set({
          upload: {
            name: file.name,
            phase: 'failed',
            loadedBytes: 0,
            totalBytes: file.size,
            message: 'PortDesk could not read that file. Is it still on disk, and readable?',
          },
        });
        return;
      }
      const result = await request((b) =>
        b.attachBill({ draftId: draft.id, name: file.name, bytes }),
      );
      if (!result.ok) {
        set({
          upload: {
            name: file.name,
            phase: 'failed',
            loadedBytes: 0,
            totalBytes: file.size,
            message: result.error.message,
          },
        });
        return;
      }
      set({ draft: withLocalEdits(result.data), upload: null });
    },

    async removeBill() {
      const draft = get().draft;
      if (!draft) return;
      const result = await request((b) => b.removeBill({ draftId: draft.id }));
      if (result.ok) set({ draft: withLocalEdits(result.data), upload: null });
      else set({ save: { state: 'error', at: Date.now(), error: result.error } });
    },

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

    applyUploadProgress(event) {
      const { draft, upload } = get();
      if (!draft || draft.id !== event.draftId) return;
      // Only while this file is being attached here: main's events and its answer travel apart,
      // and a "storing" that arrives after the answer must not bring back a finished upload
      // (it would keep the drop zone disabled for good).
      if (!upload || upload.name !== event.name || upload.phase === 'failed') return;
      set({
        upload: {
          name: event.name,
          phase: event.phase,
          loadedBytes: event.loadedBytes,
          totalBytes: event.totalBytes,
          message: event.message,
        },
      });
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
      const known = new Set(kept.map((n) => n.text.trim()));
      const fresh: NotAddedNumber[] = [];
      for (const number of numbers) {
        if (known.has(number.text.trim())) continue;
        known.add(number.text.trim());
        fresh.push(number);
      }
      if (fresh.length > 0) set({ notAdded: [...kept, ...fresh] });
    },

    dismissNotAdded() {
      set({ notAdded: [] });
    },
  };
});

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

/** A draft from main with the agent's unsaved keystrokes laid over it. */
function withLocalEdits(draft: DraftView): DraftView {
  return pending ? { ...draft, payload: applyPatch(draft.payload, pending) } : draft;
}
