/**
 * The few browser APIs the in-page probe uses, typed structurally: the bench is type-checked
 * with the Node program (tsconfig.node.json has no DOM lib), and adding DOM there would change
 * the globals every main-process file sees. Functions that run in the page cast `globalThis`
 * to PageWindow, as the UI specs do for the fake's controls.
 */

export interface PageElement {
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
  getAttribute(name: string): string | null;
  textContent: string | null;
  scrollTop: number;
  readonly scrollHeight: number;
  readonly clientHeight: number;
}

export interface PageEvent {
  readonly type: string;
  /** When the event was created, on the page's performance.now() clock. */
  readonly timeStamp: number;
}

export interface PageMutationObserver {
  observe(
    target: PageElement,
    options: {
      childList?: boolean;
      subtree?: boolean;
      attributes?: boolean;
      characterData?: boolean;
    },
  ): void;
  disconnect(): void;
}

export interface PagePerformanceObserver {
  observe(options: { type: string; buffered?: boolean }): void;
  disconnect(): void;
}

export interface PagePerformanceEntry {
  readonly name: string;
  readonly startTime: number;
  readonly duration: number;
}

export interface PageWindow {
  document: PageElement;
  requestAnimationFrame(callback: (time: number) => void): number;
  addEventListener(type: string, listener: (event: PageEvent) => void, capture: boolean): void;
  MutationObserver: new (callback: () => void) => PageMutationObserver;
  PerformanceObserver: new (
    callback: (list: { getEntries(): PagePerformanceEntry[] }) => void,
  ) => PagePerformanceObserver;
  MessageChannel: new () => {
    port1: { onmessage: (() => void) | null };
    port2: { postMessage(message: null): void };
  };
}
