import { Button as AriaButton, type ButtonProps as AriaButtonProps } from 'react-aria-components';
import { TooltipTrigger, Tooltip } from 'react-aria-components';
import type { ReactNode } from 'react';
import { buttonClassName, type ButtonLook } from './NativeButton';

export interface ButtonProps extends Omit<AriaButtonProps, 'className'>, ButtonLook {}

export function Button({ variant, size, iconOnly, className, ...rest }: ButtonProps) {
  return (
    <AriaButton {...rest} className={buttonClassName({ variant, size, iconOnly, className })} />
  );
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
