import type { Writable } from 'node:stream';
import type { TextSink } from '../../core/porting';

/**
 * A TextSink over a Node stream (a file, an HTTP response) that honours back-pressure: a write
 * waits for `drain` when the stream's buffer is full, so a million rows never pile up in memory
 * ahead of a slow disk or a slow download. Rejects once the stream errors or closes early.
 */
export function writableSink(stream: Writable): TextSink {
  let failure: Error | null = null;
  const fail = (error: Error) => {
    failure ??= error;
  };
  stream.on('error', fail);
  stream.on('close', () => fail(new Error('The destination closed before the file was written.')));
  return {
    write(chunk) {
      if (failure) return Promise.reject(failure);
      if (stream.write(chunk, 'utf8')) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const settle = (error?: Error) => {
          stream.off('drain', onDrain);
          stream.off('error', onError);
          stream.off('close', onClose);
          if (error) reject(error);
          else resolve();
        };
        const onDrain = () => settle();
        const onError = (error: Error) => settle(error);
        const onClose = () => settle(failure ?? new Error('The destination closed early.'));
        stream.on('drain', onDrain);
        stream.on('error', onError);
        stream.on('close', onClose);
      });
    },
  };
}
