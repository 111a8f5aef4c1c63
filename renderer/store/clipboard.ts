import { describeError, request } from '../bridge';
import { useApp } from './appStore';

/**
 * Copies text through main (the renderer has no clipboard permission of its own) and says how
 * it went in a toast: `copied` on success, `failedPrefix` before the reason otherwise.
 */
export async function copyToClipboard(
  text: string,
  words: { copied: string; copiedTone?: 'info' | 'success'; failedPrefix: string },
): Promise<void> {
  const result = await request((b) => b.copyToClipboard({ text }));
  const { toast } = useApp.getState();
  if (result.ok) toast(words.copiedTone ?? 'info', words.copied);
  else toast('danger', `${words.failedPrefix}: ${describeError(result.error)}`);
}
