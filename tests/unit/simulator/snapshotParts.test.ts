import { describe, expect, it } from 'vitest';
import { SimulatedClock } from '../../../main/simulator/clock';
import { EventQueue } from '../../../main/simulator/eventQueue';
import { Random } from '../../../main/simulator/random';
import { parseSnapshot } from '../../../main/simulator/snapshot';

describe('the pieces a snapshot saves', () => {
  it('a random stream continues exactly from its saved state', () => {
    const original = new Random('stream');
    for (let i = 0; i < 100; i += 1) original.next();
    const copy = Random.fromState(JSON.parse(JSON.stringify(original.state())));
    const expected = Array.from({ length: 20 }, () => original.hex(32));
    expect(Array.from({ length: 20 }, () => copy.hex(32))).toEqual(expected);
  });

  it('a restored event queue keeps time order and breaks ties in insertion order', () => {
    const queue = new EventQueue<string>();
    queue.push(20, 'late');
    queue.push(10, 'first at 10');
    queue.push(10, 'second at 10');
    queue.push(5, 'early');
    const saved = JSON.parse(JSON.stringify({ events: queue.pending(), next: queue.nextSeq }));
    const restored = new EventQueue<string>();
    restored.restore(saved.events, saved.next);
    restored.push(10, 'pushed after restore');
    const order: string[] = [];
    for (let due = restored.popDue(100); due; due = restored.popDue(100)) order.push(due.event);
    expect(order).toEqual(['early', 'first at 10', 'second at 10', 'pushed after restore', 'late']);
  });

  it('a restored queue never reuses a saved sequence number, even if told a lower one', () => {
    const restored = new EventQueue<string>();
    restored.restore([{ at: 10, seq: 7, event: 'saved' }], 0);
    expect(restored.nextSeq).toBe(8);
  });

  it('a clock resumed at a saved instant starts there, whatever the real time', () => {
    let real = 1_000_000;
    const clock = new SimulatedClock(600, () => real, 5_000_000_000);
    expect(clock.now()).toBe(5_000_000_000);
    real += 1_000;
    expect(clock.now()).toBe(5_000_600_000);
  });

  it('refuses something that is not a snapshot, naming what is wrong', () => {
    expect(parseSnapshot(null)).toEqual({
      ok: false,
      problem: expect.stringContaining('snapshot'),
    });
    expect(parseSnapshot({ version: 'one' })).toEqual({
      ok: false,
      problem: expect.stringContaining('unknown snapshot version "one"'),
    });
    expect(parseSnapshot({ version: 1 })).toEqual({
      ok: false,
      problem: expect.stringMatching(/^savedAt: /),
    });
  });
});
