import { useState, type ReactNode } from 'react';

/**
 * An attention filter chip: a native toggle button (`aria-pressed`) with the attributes
 * react-aria's ToggleButton gave it (`data-selected`, `data-hovered`, `data-focus-visible`), so
 * the first view paints without react-aria (docs/ui.md, "Bundle").
 */
export function AttentionToggle({
  isSelected,
  onChange,
  children,
}: {
  isSelected: boolean;
  onChange: (on: boolean) => void;
  children: ReactNode;
}) {
  const [hovered, setHovered] = useState(false);
  const [focusVisible, setFocusVisible] = useState(false);
  return (
    <button
      type="button"
      className="toggle-chip"
      aria-pressed={isSelected}
      data-selected={isSelected || undefined}
      data-hovered={hovered || undefined}
      data-focus-visible={focusVisible || undefined}
      onPointerEnter={(event) => setHovered(event.pointerType === 'mouse')}
      onPointerLeave={() => setHovered(false)}
      onFocus={(event) => setFocusVisible(event.currentTarget.matches(':focus-visible'))}
      onBlur={() => setFocusVisible(false)}
      onKeyDown={() => setFocusVisible(true)}
      onClick={() => onChange(!isSelected)}
    >
      {children}
    </button>
  );
}
