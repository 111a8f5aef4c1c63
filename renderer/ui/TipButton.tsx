import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTooltipTriggerState } from 'react-stately/useTooltipTriggerState';
import { interactionModality, trackInteractionModality } from './interactionModality';
import { lazyChunk, useChunk } from './lazyChunk';
import { NativeButton, type NativeButtonProps } from './NativeButton';

const overlay = lazyChunk(() => import('./TipOverlay'));

/**
 * A NativeButton with a tooltip that behaves as `WithTooltip` (ui/Button.tsx): shown after
 * 500 ms of hover once the pointer is in use, at once on focus unless the pointer gave it
 * (interactionModality.ts) and at once when moving from another open tip; hidden on leave
 * (after 100 ms), blur, press and Escape; the trigger described by it while it shows. Only the tooltip's drawing is react-aria's, loaded on first show (or when
 * idle), so the first view paints without react-aria's overlay code (docs/ui.md, "Bundle").
 */
export function TipButton({ tip, ...button }: NativeButtonProps & { tip: ReactNode }) {
  const state = useTooltipTriggerState({ delay: 500, closeDelay: 100 });
  const loaded = useChunk(overlay);
  const trigger = useRef<HTMLButtonElement | null>(null);
  const id = useId();
  const { isOpen } = state;

  useEffect(trackInteractionModality, []);

  useEffect(() => {
    if (isOpen) void overlay.load().catch(() => undefined);
  }, [isOpen]);

  useEffect(() => {
    if (!isOpen) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') state.close(true);
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [isOpen, state]);

  return (
    <>
      <NativeButton
        {...button}
        ref={trigger}
        aria-describedby={isOpen && loaded ? id : undefined}
        onPointerEnter={(event) => {
          if (event.pointerType === 'mouse' && interactionModality() === 'pointer') {
            state.open(false);
          }
        }}
        onPointerLeave={() => state.close()}
        onFocus={() => {
          if (interactionModality() !== 'pointer') state.open(true);
        }}
        onBlur={() => state.close()}
        onPress={() => {
          state.close(true);
          button.onPress?.();
        }}
      />
      {loaded ? (
        <loaded.TipOverlay id={id} triggerRef={trigger} state={state}>
          {tip}
        </loaded.TipOverlay>
      ) : null}
    </>
  );
}
