import type { DraftPatch } from '../../../shared/ipc';
import type { DraftView } from '../../../shared/views';
import { applyPatch } from './draftPatch';

/**
 * The agent's edits to the open draft that main has not saved yet (one wizard, one queue). Every
 * answer from main is shown with them laid over it, so a keystroke is never undone by a reply.
 */
export const localEdits: { pending: DraftPatch | null } = { pending: null };

/** A draft from main with the agent's unsaved keystrokes laid over it. */
export function withLocalEdits(draft: DraftView): DraftView {
  const { pending } = localEdits;
  return pending ? { ...draft, payload: applyPatch(draft.payload, pending) } : draft;
}
