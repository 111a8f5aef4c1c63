import { useState, type ButtonHTMLAttributes, type ReactNode, type Ref } from 'react';

type PassedThrough = Pick<
  ButtonHTMLAttributes<HTMLButtonElement>,
  | 'className'
  | 'id'
  | 'title'
  | 'autoFocus'
  | 'tabIndex'
  | 'aria-label'
  | 'aria-current'
  | 'aria-pressed'
  | 'aria-haspopup'
  | 'aria-expanded'
  | 'aria-controls'
  | 'aria-describedby'
  | 'onKeyDown'
  | 'onPointerEnter'
  | 'onPointerLeave'
  | 'onFocus'
  | 'onBlur'
>;

export interface NativeButtonProps extends PassedThrough {
  children?: ReactNode;
  onPress?: () => void;
  isDisabled?: boolean;
  ref?: Ref<HTMLButtonElement>;
}

/**
 * A plain `<button>` that looks and answers like react-aria-components' Button where nothing
 * else is needed (no menu, dialog or tooltip trigger context): the same `data-hovered`,
 * `data-pressed`, `data-focus-visible` and `data-disabled` the styles key on, Enter and Space
 * press it, and focus shows its ring only when it came from the keyboard. The first view uses
 * it so its first paint does not wait for react-aria's code (docs/ui.md, "Bundle").
 */
export function NativeButton({
  onPress,
  isDisabled = false,
  ref,
  children,
  onKeyDown,
  onPointerEnter,
  onPointerLeave,
  onFocus,
  onBlur,
  ...rest
}: NativeButtonProps) {
  const [hovered, setHovered] = useState(false);
  const [pressed, setPressed] = useState(false);
  const [focusVisible, setFocusVisible] = useState(false);
  return (
    <button
      {...rest}
      ref={ref}
      type="button"
      disabled={isDisabled}
      data-hovered={(hovered && !isDisabled) || undefined}
      data-pressed={(pressed && !isDisabled) || undefined}
      data-focus-visible={focusVisible || undefined}
      data-disabled={isDisabled || undefined}
      onPointerEnter={(event) => {
        // As react-aria: a touch or pen is not hovering.
        if (event.pointerType === 'mouse') setHovered(true);
        onPointerEnter?.(event);
      }}
      onPointerLeave={(event) => {
        setHovered(false);
        setPressed(false);
        onPointerLeave?.(event);
      }}
      onPointerDown={(event) => {
        if (event.button === 0) setPressed(true);
      }}
      onPointerUp={() => setPressed(false)}
      onPointerCancel={() => setPressed(false)}
      onKeyDown={(event) => {
        // A key after a click makes the ring show, as react-aria's focus-visible does.
        if (!event.metaKey && !event.ctrlKey && !event.altKey) setFocusVisible(true);
        if (event.key === 'Enter' || event.key === ' ') setPressed(true);
        onKeyDown?.(event);
      }}
      onKeyUp={() => setPressed(false)}
      onFocus={(event) => {
        setFocusVisible(event.currentTarget.matches(':focus-visible'));
        onFocus?.(event);
      }}
      onBlur={(event) => {
        setFocusVisible(false);
        setPressed(false);
        onBlur?.(event);
      }}
      onClick={() => onPress?.()}
    >
      {children}
    </button>
  );
}

type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';

export interface ButtonLook {
  variant?: ButtonVariant;
  size?: 'sm' | 'md';
  iconOnly?: boolean;
  className?: string;
}

/** The `btn` classes of a variant and size (ui/Button.tsx's look). */
export function buttonClassName({
  variant = 'secondary',
  size = 'md',
  iconOnly = false,
  className,
}: ButtonLook): string {
  const classes = ['btn', `btn--${variant}`];
  if (size === 'sm') classes.push('btn--sm');
  if (iconOnly) classes.push('btn--icon');
  if (className) classes.push(className);
  return classes.join(' ');
}

/** A `btn`-styled NativeButton: ui/Button's look without react-aria. */
export function PlainButton({
  variant,
  size,
  iconOnly,
  className,
  ...rest
}: Omit<NativeButtonProps, 'className'> & ButtonLook) {
  return (
    <NativeButton {...rest} className={buttonClassName({ variant, size, iconOnly, className })} />
  );
}
