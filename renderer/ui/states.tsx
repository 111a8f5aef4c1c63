import type { ReactNode } from 'react';
import type { IpcError } from '../../shared/ipc';
import { describeError } from '../bridge';
import { PlainButton } from './NativeButton';
import { IconAlert, IconCheck, IconCloudOff, IconInfo } from './icons';
import type { Tone } from './status';

export function Spinner({ large, label }: { large?: boolean; label?: string }) {
  return (
    <span
      className={`spinner ${large ? 'spinner--lg' : ''}`}
      role={label ? 'status' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
    />
  );
}

export function LoadingState({ label }: { label: string }) {
  return (
    <div className="state" role="status" aria-live="polite">
      <Spinner large />
      <span>{label}</span>
    </div>
  );
}

export function EmptyState({
  title,
  children,
  icon,
  action,
}: {
  title: string;
  children?: ReactNode;
  icon?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="state">
      {icon}
      <p className="state__title">{title}</p>
      {children ? <p>{children}</p> : null}
      {action}
    </div>
  );
}

/** An error envelope in words, with a retry when the caller can retry. */
export function ErrorState({
  error,
  title = 'Something went wrong',
  onRetry,
}: {
  error: IpcError;
  title?: string;
  onRetry?: () => void;
}) {
  return (
    <div className="state" role="alert">
      {error.code === 'offline' ? <IconCloudOff size={28} /> : <IconAlert size={28} />}
      <p className="state__title">{title}</p>
      <p>{describeError(error)}</p>
      {onRetry ? <PlainButton onPress={onRetry}>Try again</PlainButton> : null}
    </div>
  );
}

const bannerIcons: Record<Tone, ReactNode> = {
  info: <IconInfo />,
  success: <IconCheck />,
  warning: <IconAlert />,
  danger: <IconAlert />,
  neutral: <IconInfo />,
  purple: <IconInfo />,
};

export function Banner({
  tone,
  title,
  children,
  action,
  role,
}: {
  tone: Tone;
  title?: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
  role?: 'alert' | 'status';
}) {
  return (
    <div className={`banner tone-${tone}`} role={role}>
      <span className={`tone-${tone}`} style={{ background: 'transparent', display: 'flex' }}>
        {bannerIcons[tone]}
      </span>
      <div className="banner__body">
        {title ? <span className="banner__title">{title}</span> : null}
        {children ? <div>{children}</div> : null}
      </div>
      {action}
    </div>
  );
}

export function ProgressBar({
  label,
  value,
  max,
  detail,
}: {
  label: string;
  value: number;
  max: number;
  detail?: ReactNode;
}) {
  const percent = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 0;
  return (
    <div className="progress">
      <div className="progress__labels">
        <span>{label}</span>
        <span className="tabular muted">{detail ?? `${percent}%`}</span>
      </div>
      <div
        className="progress__bar"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={value}
      >
        <div className="progress__fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
