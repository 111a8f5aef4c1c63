export interface QueuedEvent<T> {
  at: number;
  /** Insertion order; breaks ties between events due at the same instant. */
  seq: number;
  event: T;
}

/** A min-heap of timed events; ties keep insertion order so replays are deterministic. */
export class EventQueue<T> {
  private heap: QueuedEvent<T>[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  /** The next insertion number (kept in a snapshot so restored ties still break the same way). */
  get nextSeq(): number {
    return this.seq;
  }

  /** Every pending event, earliest first. */
  pending(): QueuedEvent<T>[] {
    return [...this.heap].sort(byTimeThenSeq);
  }

  /** Replaces the contents with saved events; `nextSeq` must be above every saved `seq`. */
  restore(events: readonly QueuedEvent<T>[], nextSeq: number): void {
    // A sorted array is already a valid min-heap.
    this.heap = [...events].sort(byTimeThenSeq);
    this.seq = this.heap.reduce((next, entry) => Math.max(next, entry.seq + 1), nextSeq);
  }

  push(at: number, event: T): void {
    this.heap.push({ at, seq: this.seq++, event });
    this.siftUp(this.heap.length - 1);
  }

  peekTime(): number | undefined {
    return this.heap[0]?.at;
  }

  /** Removes and returns the earliest event due at or before `until`. */
  popDue(until: number): { at: number; event: T } | undefined {
    const top = this.heap[0];
    if (top === undefined || top.at > until) return undefined;
    const last = this.heap.pop();
    if (last !== undefined && this.heap.length > 0) {
      this.heap[0] = last;
      this.siftDown(0);
    }
    return { at: top.at, event: top.event };
  }

  clear(): void {
    this.heap = [];
  }

  private before(i: number, j: number): boolean {
    const a = this.heap[i];
    const b = this.heap[j];
    if (a === undefined || b === undefined) return false;
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private swap(i: number, j: number): void {
    const a = this.heap[i];
    const b = this.heap[j];
    if (a === undefined || b === undefined) return;
    this.heap[i] = b;
    this.heap[j] = a;
  }

  private siftUp(index: number): void {
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(index: number): void {
    let i = index;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < this.heap.length && this.before(left, smallest)) smallest = left;
      if (right < this.heap.length && this.before(right, smallest)) smallest = right;
      if (smallest === i) return;
      this.swap(i, smallest);
      i = smallest;
    }
  }
}

function byTimeThenSeq<T>(a: QueuedEvent<T>, b: QueuedEvent<T>): number {
  return a.at - b.at || a.seq - b.seq;
}
