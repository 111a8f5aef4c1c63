import { useState } from 'react';
import { pagePopups, useFeed } from '../../store/feedStore';
import { Button } from '../../ui/Button';

/**
 * In a host where this page shows the pop-ups (the browser host), the one place PortDesk asks
 * for the browser's permission: a button the agent presses, never a prompt on load. Where the
 * host shows pop-ups itself (Electron) there is nothing to ask.
 */
export function PopupPermission() {
  const popups = useFeed((s) => s.popups);
  const [permission, setPermission] = useState(() => pagePopups.permission());
  if (popups !== 'page' || permission === 'unsupported') return null;
  if (permission === 'granted') {
    return <span className="muted small">Desktop notifications are on</span>;
  }
  if (permission === 'denied') {
    return (
      <span className="muted small">
        This browser blocks PortDesk’s notifications; everything still appears here.
      </span>
    );
  }
  return (
    <Button
      variant="primary"
      onPress={() => void pagePopups.requestPermission().then(setPermission)}
    >
      Turn on desktop notifications
    </Button>
  );
}
