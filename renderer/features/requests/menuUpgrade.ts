import { useEffect, useState } from 'react';

/**
 * How a react-aria menu takes over from the plain button the first paint showed (LazyMenus.tsx):
 * `focusOnMount` when that button had focus, `openOnMount` when the agent pressed it before
 * the menu's code had loaded. The menu opens a frame after its trigger took focus, so
 * closing it gives focus back to the trigger, not to the page.
 */
export interface MenuUpgrade {
  focusOnMount?: boolean;
  openOnMount?: boolean;
}

export function useUpgradedMenuState({ openOnMount = false }: MenuUpgrade) {
  const [isOpen, setOpen] = useState(false);
  useEffect(() => {
    if (!openOnMount) return undefined;
    // The next frame: the trigger has taken focus by then (its autoFocus runs in an effect).
    const frame = requestAnimationFrame(() => setOpen(true));
    return () => cancelAnimationFrame(frame);
  }, [openOnMount]);
  return { isOpen, onOpenChange: setOpen };
}
