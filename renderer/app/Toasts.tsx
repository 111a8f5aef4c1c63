import { useApp } from '../store/appStore';
import { PlainButton } from '../ui/NativeButton';
import { IconX } from '../ui/icons';

export function Toasts() {
  const toasts = useApp((s) => s.toasts);
  const dismiss = useApp((s) => s.dismissToast);
  return (
    <div className="toasts" role="region" aria-label="Notifications" aria-live="polite">
      {toasts.map((toast) => (
        <div
          key={toast.id}
          className={`toast toast--${toast.tone}`}
          role={toast.tone === 'danger' ? 'alert' : 'status'}
        >
          <p className="toast__body">{toast.message}</p>
          <PlainButton
            variant="ghost"
            size="sm"
            iconOnly
            aria-label="Dismiss"
            onPress={() => dismiss(toast.id)}
          >
            <IconX size={14} />
          </PlainButton>
        </div>
      ))}
    </div>
  );
}
