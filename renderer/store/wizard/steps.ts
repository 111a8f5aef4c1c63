/**
 * The wizard's steps, in order. Kept in the store because the store holds the current step; the
 * screen's words for them and where each field is edited are in features/wizard/wizardSteps.ts.
 */
export const WIZARD_STEPS = [
  'numbers',
  'portability',
  'carrier',
  'bill',
  'schedule',
  'review',
] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];
