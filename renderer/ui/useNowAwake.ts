import { useEffect, useState } from 'react';

/**
 * The current time for relative words, refreshed every `intervalMs` and also as soon as the
 * window is shown or focused again: timers are held while the machine sleeps, so without this a
 * woken window would go on saying what was true before the sleep for up to `intervalMs`.
 */
export function useNowAwake(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const onVisibility = () => {
      if (document.visibilityState === 'visible') tick();
    };
    const id = window.setInterval(tick, intervalMs);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('focus', tick);
    window.addEventListener('online', tick);
    return () => {
      window.clearInterval(id);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('focus', tick);
      window.removeEventListener('online', tick);
    };
  }, [intervalMs]);
  return now;
}
