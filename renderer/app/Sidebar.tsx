import type { ReactNode } from 'react';
import type { SyncStatusView } from '../../shared/views';
import type { Route } from '../store/appStore';
import { NativeButton } from '../ui/NativeButton';
import { TipButton } from '../ui/TipButton';
import { formatCount } from '../ui/format';
import {
  IconBell,
  IconKeyboard,
  IconList,
  IconOutbox,
  IconPhone,
  IconPlus,
  IconSettings,
  IconUsers,
} from '../ui/icons';
import { shortcutHint, type ShortcutId } from './shortcuts';
import { SyncPanel } from './SyncPanel';

interface NavItem {
  screen: Route['screen'];
  label: string;
  icon: ReactNode;
  shortcut: ShortcutId;
  badge?: number;
  badgeLabel?: string;
}

export function Sidebar({
  route,
  onNavigate,
  sync,
  syncRequested,
  onSyncNow,
  attentionCount,
  unreadNotices,
  demo,
  onShowShortcuts,
}: {
  route: Route;
  onNavigate: (route: Route) => void;
  sync: SyncStatusView | null;
  syncRequested: boolean;
  onSyncNow: () => void;
  attentionCount: number;
  unreadNotices: number;
  demo: boolean;
  onShowShortcuts: () => void;
}) {
  const outboxCount = (sync?.queuedOps ?? 0) + (sync?.failedOps ?? 0);
  const items: NavItem[] = [
    {
      screen: 'requests',
      label: 'Requests',
      icon: <IconList />,
      shortcut: 'go-requests',
      badge: attentionCount,
      badgeLabel: `${formatCount(attentionCount)} need attention`,
    },
    {
      screen: 'feed',
      label: 'Activity',
      icon: <IconBell />,
      shortcut: 'go-feed',
      badge: unreadNotices,
      badgeLabel: `${formatCount(unreadNotices)} unread`,
    },
    { screen: 'new-port-in', label: 'New port-in', icon: <IconPlus />, shortcut: 'new-port-in' },
    {
      screen: 'outbox',
      label: 'Outbox',
      icon: <IconOutbox />,
      shortcut: 'go-outbox',
      badge: outboxCount,
      badgeLabel: `${formatCount(outboxCount)} waiting or failed`,
    },
    { screen: 'accounts', label: 'Accounts', icon: <IconUsers />, shortcut: 'go-accounts' },
    { screen: 'settings', label: 'Settings', icon: <IconSettings />, shortcut: 'go-settings' },
  ];
  const active = route.screen === 'request' ? 'requests' : route.screen;
  return (
    <aside className="sidebar">
      <div className="sidebar__brand">
        <span className="sidebar__logo" aria-hidden="true">
          <IconPhone size={18} />
        </span>
        <span className="sidebar__name">PortDesk</span>
        {demo ? <span className="sidebar__demo">Demo</span> : null}
      </div>
      <nav aria-label="Main" className="sidebar__nav">
        <ul>
          {items.map((item) => (
            <li key={item.screen}>
              <TipButton
                tip={`${item.label} (${shortcutHint(item.shortcut)})`}
                className="nav-item"
                aria-current={active === item.screen ? 'page' : undefined}
                onPress={() => onNavigate({ screen: item.screen } as Route)}
              >
                {item.icon}
                <span className="grow">{item.label}</span>
                {item.badge ? (
                  <span className="count-badge" aria-label={item.badgeLabel}>
                    {item.badge > 999 ? '999+' : item.badge}
                  </span>
                ) : null}
              </TipButton>
            </li>
          ))}
        </ul>
      </nav>
      <div className="sidebar__footer">
        <SyncPanel sync={sync} requested={syncRequested} onSyncNow={onSyncNow} />
        <NativeButton className="nav-item nav-item--quiet" onPress={onShowShortcuts}>
          <IconKeyboard />
          <span className="grow">Keyboard shortcuts</span>
          <kbd className="kbd kbd--sidebar">?</kbd>
        </NativeButton>
      </div>
    </aside>
  );
}
