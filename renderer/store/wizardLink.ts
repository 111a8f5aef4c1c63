import { create } from 'zustand';
import type { PortabilityProgressView, UploadProgressView } from '../../shared/views';

/**
 * What the always-loaded shell (events.ts, the update offer) needs from the wizard's store,
 * without loading it: the wizard's store and its helpers are in the wizard's lazy chunk, off the
 * first view (docs/ui.md, "Bundle"). The wizard's store registers here when its chunk loads;
 * until then no draft is open in this window, so there is nothing to tell it.
 */
export interface WizardListener {
  applyPortabilityProgress(event: PortabilityProgressView): void;
  applyUploadProgress(event: UploadProgressView): void;
  /** Main changed drafts (empty: any draft); the open one is reloaded if it is among them. */
  draftsChanged(draftIds: readonly number[]): void;
}

let listener: WizardListener | null = null;

export function registerWizard(wizard: WizardListener): void {
  listener = wizard;
}

/** The wizard's store, or null while its chunk has not loaded. */
export function loadedWizard(): WizardListener | null {
  return listener;
}

/** The open draft has edits main has not saved yet (the update offer waits for them). */
export const useUnsavedDraft = create<{ unsaved: boolean }>(() => ({ unsaved: false }));
