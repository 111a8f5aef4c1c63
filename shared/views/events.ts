// View models: progress and navigation events (see ./index.ts).
import type { PortabilityResultView, PortabilityCheckState } from './drafts';

export interface PortabilityProgressView {
  checkId: string;
  draftId: number;
  state: PortabilityCheckState;
  done: number;
  total: number;
  /** Results that arrived since the previous progress event (at most 100). */
  results: PortabilityResultView[];
}

export type UploadPhase = 'checking' | 'storing' | 'uploading' | 'uploaded' | 'failed';

export interface UploadProgressView {
  draftId: number;
  name: string;
  phase: UploadPhase;
  loadedBytes: number;
  totalBytes: number;
  /** In words when phase is `failed`. */
  message: string | null;
}

export const DATA_KINDS = ['requests', 'drafts', 'accounts', 'outbox', 'settings'] as const;
export type DataKind = (typeof DATA_KINDS)[number];

export interface DataChangedView {
  kinds: DataKind[];
  /**
   * Requests that changed. Empty while `kinds` includes `requests` means "any may have changed"
   * (e.g. a first sync): the renderer refetches what it shows.
   */
  requestSids: string[];
  draftIds: number[];
}

export type NavigateView =
  /** `tab`/`numberSid`: a notice about numbers opens the Numbers tab, on one number. */
  | { screen: 'request'; sid: string; tab?: 'numbers'; numberSid?: string }
  | { screen: 'feed' }
  | { screen: 'requests'; focusSearch?: boolean }
  | { screen: 'new-port-in' }
  | { screen: 'outbox' }
  | { screen: 'settings' }
  | { screen: 'accounts' };
