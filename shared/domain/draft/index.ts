/**
 * The port-in draft an agent edits in the wizard (saved on every change, offline), the lenient
 * check of an edit crossing IPC (`parseDraft`), and the full check before submitting
 * (`validateDraftForSubmit`). Every field may be missing or null while editing.
 */

export { DRAFT_SECTIONS } from '../draftForm';
export * from './draftPaths';
export * from './draftTypes';
export * from './parseDraft';
export * from './validateForSubmit';
