import { ControlError } from './errors';
import type { ActiveFault, Fault } from './api';
import type { Random } from './random';
import { faultSchema } from './schemas';

export type OutcomeFault = Exclude<Fault, { kind: 'latency' }>;

interface Entry extends ActiveFault {
  pathPattern: RegExp | null;
}

/** Injected failures for API routes (never /__sim/): which fire for a call, decided per call. */
export class FaultRegistry {
  private entries: Entry[] = [];
  private nextId = 1;

  constructor(private readonly random: Random) {}

  add(input: unknown): { id: string } {
    const parsed = faultSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ControlError(
        400,
        `Invalid fault: ${issue === undefined ? 'unknown problem' : `${issue.path.join('.') || 'fault'}: ${issue.message}`}`,
      );
    }
    const fault: Fault = parsed.data;
    const id = `fault-${this.nextId++}`;
    this.entries.push({
      id,
      fault,
      remaining: fault.count ?? null,
      fired: 0,
      pathPattern: compilePattern(fault.match?.path),
    });
    return { id };
  }

  remove(id: string): void {
    this.entries = this.entries.filter((entry) => entry.id !== id);
  }

  clear(): void {
    this.entries = [];
  }

  list(): ActiveFault[] {
    return this.entries.map(({ id, fault, remaining, fired }) => ({ id, fault, remaining, fired }));
  }

  /** All latency that fires for this call, and the first other fault that fires (if any). */
  draw(method: string, path: string): { latencyMs: number; outcome: OutcomeFault | null } {
    let latencyMs = 0;
    let outcome: OutcomeFault | null = null;
    for (const entry of this.entries) {
      if (entry.fault.kind !== 'latency' && outcome !== null) continue;
      if (!matches(entry, method, path) || !this.fires(entry)) continue;
      if (entry.fault.kind === 'latency') latencyMs += entry.fault.ms;
      else outcome = entry.fault;
    }
    this.entries = this.entries.filter((entry) => entry.remaining !== 0);
    return { latencyMs, outcome };
  }

  private fires(entry: Entry): boolean {
    if (entry.remaining !== null && entry.remaining <= 0) return false;
    if (entry.fault.rate !== undefined && this.random.next() >= entry.fault.rate) return false;
    if (entry.remaining !== null) entry.remaining -= 1;
    entry.fired += 1;
    return true;
  }
}

function matches(entry: Entry, method: string, path: string): boolean {
  const match = entry.fault.match;
  if (match?.method !== undefined && match.method.toUpperCase() !== method.toUpperCase()) {
    return false;
  }
  if (match?.path === undefined) return true;
  return path.startsWith(match.path) || (entry.pathPattern?.test(path) ?? false);
}

function compilePattern(source: string | undefined): RegExp | null {
  if (source === undefined) return null;
  try {
    return new RegExp(source);
  } catch {
    // Not a valid RegExp: it still works as a prefix.
    return null;
  }
}
