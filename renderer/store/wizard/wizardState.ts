import type { StoreApi } from 'zustand';
import type { DraftPatch, IpcError } from '../../../shared/ipc';
import type {
  DraftView,
  PortabilityProgressView,
  RequestDetailView,
  SubmitResultView,
  UploadProgressView,
} from '../../../shared/views';
import type { WizardStep } from './steps';

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

/** The bytes of the bill attached in this session, for its preview (main keeps the file). */
export interface LocalBillBytes {
  draftId: number;
  name: string;
  mimeType: string;
  bytes: Uint8Array;
}

/**
 * A pasted number the Add left out for good (toll-free, not US): kept on screen with its reason
 * until the agent copies or dismisses it, so nothing pasted disappears silently.
 */
export interface NotAddedNumber {
  /** As pasted, or the CSV cell as it is in the file. */
  text: string;
  /** Pasted text lists only toll_free and non_us (the rest stay in the box to be fixed). */
  status: 'toll_free' | 'non_us' | 'invalid' | 'duplicate' | 'over_limit' | 'no_number';
  reason: string;
  /** The CSV row (1-based, header included) it came from; absent for pasted text. */
  row?: number;
}

/** Picks the step a saved draft opens on (features/wizard/initialStep.ts). */
export type ChooseStep = (draft: DraftView, original: RequestDetailView | null) => WizardStep;

export interface WizardState {
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
  /** The attached bill's bytes while this draft is open (null after a reopen). */
  billBytes: LocalBillBytes | null;
  submitting: boolean;
  submitResult: SubmitResultView | null;
  /** The last submit's refusal; it stays on Review until the next submit. */
  submitError: IpcError | null;
  notAdded: NotAddedNumber[];
  /**
   * A field the step just opened should bring into view and focus (Review's "Edit" on a
   * number: `phoneNumbers.3`); the step clears it once done.
   */
  focusField: string | null;
  /** Steps the agent has opened (or tried to leave with Next): only they show warnings. */
  visited: ReadonlySet<WizardStep>;

  open(draftId: number, chooseStep?: ChooseStep): Promise<void>;
  create(accountId: string): Promise<DraftView | null>;
  close(): void;
  setStep(step: WizardStep, focusField?: string): void;
  clearFocusField(): void;
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

/** What the action groups of the wizard store (bill, portability) are built with. */
export type WizardSet = StoreApi<WizardState>['setState'];
export type WizardGet = StoreApi<WizardState>['getState'];
