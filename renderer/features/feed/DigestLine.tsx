import { useApp } from '../../store/appStore';
import { useFeed } from '../../store/feedStore';
import { IconBell, IconX } from '../../ui/icons';
import { NativeButton } from '../../ui/NativeButton';

/**
 * "Since you last looked": one line at the top of the app after a start, summing up what the
 * notices recorded since the agent last looked say, linking to the Activity feed. Opening the
 * feed or closing the line counts as looking.
 */
export function DigestLine() {
  const digest = useFeed((s) => s.digest);
  const digestSeen = useFeed((s) => s.digestSeen);
  const navigate = useApp((s) => s.navigate);
  if (!digest?.line) return null;
  return (
    <div className="digest-line" role="status">
      <IconBell size={16} />
      <span className="grow">
        <strong>Since you last looked:</strong> {digest.line}.
      </span>
      <NativeButton className="digest-line__link" onPress={() => navigate({ screen: 'feed' })}>
        Open activity
      </NativeButton>
      <NativeButton
        className="digest-line__close"
        aria-label="Dismiss the summary"
        onPress={() => void digestSeen()}
      >
        <IconX size={14} />
      </NativeButton>
    </div>
  );
}
