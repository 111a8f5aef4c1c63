import { Button as AriaButton, type ButtonProps as AriaButtonProps } from 'react-aria-components';
import { TooltipTrigger, Tooltip } from 'react-aria-components';
import type { ReactNode } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';

export interface ButtonProps extends Omit<AriaButtonProps, 'className'> {
  variant?: ButtonVariant;
  size?: 'sm' | 'md';
  iconOnly?: boolean;
  className?: string;
}

export function Button({
  variant = 'secondary',
  size = 'md',
  iconOnly = false,
  className,
  ...rest
}: ButtonProps) {
  const classes = ['btn', `btn--${variant}`];
  if (size === 'sm') classes.push('btn--sm');
  if (iconOnly) classes.push('btn--icon');
  if (className) classes.push(className);
  return <AriaButton {...rest} className={classes.join(' ')} />;
}

/** A tooltip on any focusable trigger (shown on hover and on keyboard focus). */
export function WithTooltip({ tip, children }: { tip: ReactNode; children: ReactNode }) {
  return (
    <TooltipTrigger delay={500} closeDelay={100}>
      {children}
      <Tooltip className="tooltip" offset={6}>
        {tip}
      </Tooltip>
    </TooltipTrigger>
  );
}

/** Keyboard keys rendered as caps: <Keys keys={['Ctrl', 'N']} />. */
export function Keys({ keys }: { keys: readonly string[] }) {
  return (
    <span className="row" style={{ gap: 2, display: 'inline-flex' }}>
      {keys.map((key) => (
        <kbd className="kbd" key={key}>
          {key}
        </kbd>
      ))}
    </span>
  );
}
