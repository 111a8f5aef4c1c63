import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A screen's frame: its title (an h1 that takes focus when the screen opens from the sidebar,
 * so screen readers announce where the agent landed), optional actions, and the content.
 */
export function Screen({
  title,
  subtitle,
  actions,
  before,
  children,
  className,
  titleId,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
  before?: ReactNode;
  children: ReactNode;
  className?: string;
  titleId?: string;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const active = document.activeElement;
    const fromNavigation =
      !active || active === document.body || Boolean(active.closest('.sidebar'));
    if (fromNavigation) heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <section className={`screen ${className ?? ''}`} aria-labelledby={titleId ?? 'screen-title'}>
      <header className="screen__header">
        {before}
        <div className="screen__titles">
          <h1 id={titleId ?? 'screen-title'} tabIndex={-1} ref={heading} className="screen__title">
            {title}
          </h1>
          {subtitle ? <div className="screen__subtitle">{subtitle}</div> : null}
        </div>
        {actions ? <div className="screen__actions">{actions}</div> : null}
      </header>
      <div className="screen__body">{children}</div>
    </section>
  );
}
