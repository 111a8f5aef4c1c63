import type { ReactNode } from 'react';
import type { AttentionFlag, AttentionView } from '../../../shared/views';
import { IconAlert, IconClock, IconCloudOff, IconPen, IconX } from '../../ui/icons';

export const ATTENTION_LABELS: Record<AttentionFlag, string> = {
  action_required: 'Action required',
  loa_unsigned: 'LOA unsigned',
  no_port_date: 'No port date',
  queued_offline: 'Queued offline',
  failed_to_send: 'Failed to send',
};

/** The reasons a request needs the agent, as short flags in words. */
export function AttentionFlags({
  attention,
  compact,
}: {
  attention: AttentionView;
  compact?: boolean;
}) {
  const flags: { key: string; tone: string; icon: ReactNode; text: string; title?: string }[] = [];
  if (attention.actionRequired) {
    flags.push({
      key: 'action',
      tone: 'danger',
      icon: <IconAlert size={12} />,
      text: 'Action required',
    });
  }
  if (attention.failedToSend) {
    flags.push({
      key: 'failed',
      tone: 'danger',
      icon: <IconX size={12} />,
      text: 'Failed to send',
    });
  }
  if (attention.loaUnsignedDays !== null) {
    const left = attention.loaDaysLeft;
    const full = `LOA unsigned for ${attention.loaUnsignedDays}d${left !== null ? `, ${left}d left` : ''}`;
    flags.push({
      key: 'loa',
      tone: left !== null && left <= 7 ? 'danger' : 'warning',
      icon: <IconPen size={12} />,
      text: compact && left !== null ? `LOA unsigned · ${left}d left` : full,
      title: full,
    });
  }
  if (attention.noPortDateDays !== null) {
    flags.push({
      key: 'noPortDate',
      tone: 'warning',
      icon: <IconClock size={12} />,
      text: compact
        ? `No port date ${attention.noPortDateDays}d`
        : `No port date after ${attention.noPortDateDays} days`,
    });
  }
  if (attention.queuedOffline) {
    flags.push({
      key: 'queued',
      tone: 'info',
      icon: <IconCloudOff size={12} />,
      text: 'Queued offline',
    });
  }
  if (flags.length === 0) return null;
  return (
    <span className="flags">
      {flags.map((flag) => (
        <span key={flag.key} className={`flag tone-${flag.tone}`} title={flag.title}>
          {flag.icon}
          {flag.text}
        </span>
      ))}
    </span>
  );
}
