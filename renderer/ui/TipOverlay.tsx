import type { ReactNode, RefObject } from 'react';
import { Tooltip, TooltipTriggerStateContext } from 'react-aria-components';
import type { TooltipTriggerState } from 'react-stately/useTooltipTriggerState';

/**
 * The tooltip itself: react-aria's, positioned against the trigger and portalled as with
 * `WithTooltip`. Loaded by TipButton the first time a tip shows (or when the browser is idle).
 * TipButton owns the state; it reaches the Tooltip through react-aria's own context, as from a
 * TooltipTrigger (the Tooltip's inner part reads it from there).
 */
export function TipOverlay({
  id,
  triggerRef,
  state,
  children,
}: {
  id: string;
  triggerRef: RefObject<HTMLButtonElement | null>;
  state: TooltipTriggerState;
  children: ReactNode;
}) {
  return (
    <TooltipTriggerStateContext.Provider value={state}>
      <Tooltip className="tooltip" offset={6} triggerRef={triggerRef}>
        {/* The trigger's aria-describedby points here (RAC's Tooltip takes no id). */}
        <span id={id}>{children}</span>
      </Tooltip>
    </TooltipTriggerStateContext.Provider>
  );
}
