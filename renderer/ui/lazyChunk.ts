import { useSyncExternalStore } from 'react';

/**
 * A module the first view can do without until the agent reaches for it (a menu's or a
 * tooltip's react-aria code, a screen): loaded on first use, or with every other such chunk when the
 * browser is idle after the first paint (`preloadLazyChunks`, from lazyScreens.tsx), so in
 * practice it is there before it is needed.
 */
export interface LazyChunk<T> {
  /** The module, once loaded. */
  get(): T | undefined;
  load(): Promise<T>;
  subscribe(listener: () => void): () => void;
}

const chunks: LazyChunk<unknown>[] = [];

export function lazyChunk<T>(importer: () => Promise<T>): LazyChunk<T> {
  let value: T | undefined;
  let loading: Promise<T> | null = null;
  const listeners = new Set<() => void>();
  const chunk: LazyChunk<T> = {
    get: () => value,
    load() {
      loading ??= importer().then(
        (loaded) => {
          value = loaded;
          for (const listener of listeners) listener();
          return loaded;
        },
        (error: unknown) => {
          // A failed fetch (the app being updated under the window) may be retried later.
          loading = null;
          throw error;
        },
      );
      return loading;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  chunks.push(chunk);
  return chunk;
}

/** The chunk's module once loaded (re-renders then); undefined before. */
export function useChunk<T>(chunk: LazyChunk<T>): T | undefined {
  return useSyncExternalStore(chunk.subscribe, chunk.get);
}

/** Loads every lazy chunk (the app calls it when idle after the first paint). */
export function preloadLazyChunks(): void {
  for (const chunk of chunks) void chunk.load().catch(() => undefined);
}
