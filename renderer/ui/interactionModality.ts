/**
 * The way the agent last interacted, as react-aria tracks it for its tooltips: a tooltip shows
 * on hover only after a pointer was last used (not before any click, nor while the agent is on
 * the keyboard), and on focus unless the pointer was. TipButton keeps that behaviour without
 * react-aria's code on the first view.
 */
type Modality = 'pointer' | 'keyboard' | null;

let modality: Modality = null;
let listening = false;

const MODIFIERS = new Set(['Control', 'Shift', 'Meta', 'Alt']);

function listen(): void {
  if (listening || typeof document === 'undefined') return;
  listening = true;
  const onPointer = () => {
    modality = 'pointer';
  };
  document.addEventListener('pointerdown', onPointer, true);
  document.addEventListener('pointerup', onPointer, true);
  document.addEventListener(
    'keydown',
    (event) => {
      if (!MODIFIERS.has(event.key)) modality = 'keyboard';
    },
    true,
  );
}

export function interactionModality(): Modality {
  listen();
  return modality;
}

/** Starts tracking (the first TipButton rendered calls it, before any interaction counts). */
export function trackInteractionModality(): void {
  listen();
}
