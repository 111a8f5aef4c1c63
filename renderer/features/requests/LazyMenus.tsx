import { useState, type KeyboardEvent } from 'react';
import { lazyChunk, useChunk } from '../../ui/lazyChunk';
import { NativeButton } from '../../ui/NativeButton';
import type { FilterOption } from './filterOptions';
import { filterTriggerLook, useExportTriggerLook, type TriggerLook } from './menuTriggers';
import type { MenuUpgrade } from './menuUpgrade';

const menus = lazyChunk(() => import('./menus'));

/**
 * The list's menus paint first as plain buttons that look like their react-aria triggers; the
 * menus' code (react-aria's overlays and collections) loads when the browser is idle after the
 * first paint, or at the first press, and then takes their place (docs/ui.md, "Bundle"). A
 * press, Enter, Space or an arrow key before then opens the menu as soon as it has loaded.
 */
function usePlainTrigger() {
  const [focused, setFocused] = useState(false);
  const [pressed, setPressed] = useState(false);
  const open = () => {
    setPressed(true);
    void menus.load().catch(() => setPressed(false));
  };
  const upgrade: MenuUpgrade = { focusOnMount: focused || pressed, openOnMount: pressed };
  const triggerProps = {
    'aria-haspopup': 'true' as const,
    'aria-expanded': false,
    onFocus: () => setFocused(true),
    onBlur: () => setFocused(false),
    onPress: open,
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        open();
      }
    },
  };
  return { upgrade, triggerProps };
}

function PlainTrigger({
  look,
  triggerProps,
}: {
  look: TriggerLook;
  triggerProps: ReturnType<typeof usePlainTrigger>['triggerProps'];
}) {
  return (
    <NativeButton {...triggerProps} className={look.className} isDisabled={look.isDisabled}>
      {look.content}
    </NativeButton>
  );
}

export function FilterMenuButton<V extends string>(props: {
  label: string;
  options: readonly FilterOption<V>[];
  selected: readonly V[];
  onChange: (values: V[]) => void;
}) {
  const loaded = useChunk(menus);
  const { upgrade, triggerProps } = usePlainTrigger();
  if (loaded) return <loaded.FilterMenu {...props} {...upgrade} />;
  return (
    <PlainTrigger
      look={filterTriggerLook(props.label, props.options, props.selected)}
      triggerProps={triggerProps}
    />
  );
}

export function ExportMenuButton() {
  const loaded = useChunk(menus);
  const look = useExportTriggerLook();
  const { upgrade, triggerProps } = usePlainTrigger();
  if (loaded) return <loaded.ExportMenu {...upgrade} />;
  return <PlainTrigger look={look} triggerProps={triggerProps} />;
}
