import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Guards issue 9's "zero cycles" for the simulator until a repo-wide cycle rule checks it: every
 * relative import (type-only ones included — they still tie the modules together for a reader)
 * between files of main/simulator must form a graph without cycles.
 */
const SIMULATOR = resolve(__dirname, '../../../main/simulator');
const IMPORT = /(?:import|export)\s[^;]*?from\s+['"](\.[^'"]+)['"]/gs;

function importGraph(root: string): Map<string, string[]> {
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => join(root, file));
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets: string[] = [];
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const base = resolve(dirname(file), match[1] ?? '');
      const target = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base].find((c) =>
        known.has(c),
      );
      if (target !== undefined) targets.push(target);
    }
    graph.set(file, targets);
  }
  return graph;
}

/** One cycle per strongly connected group, as "a.ts → b.ts → a.ts" (depth-first search). */
function findCycles(graph: Map<string, string[]>, root: string): string[] {
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    path.push(file);
    for (const target of graph.get(file) ?? []) {
      if (state.get(target) === 'open') {
        const loop = [...path.slice(path.indexOf(target)), target];
        cycles.push(loop.map((f) => relative(root, f)).join(' → '));
      } else if (!state.has(target)) {
        visit(target);
      }
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

describe('main/simulator imports', () => {
  it('finds a cycle when there is one (the check itself works)', () => {
    const graph = new Map([
      ['/x/a.ts', ['/x/b.ts']],
      ['/x/b.ts', ['/x/a.ts']],
      ['/x/c.ts', ['/x/a.ts']],
    ]);
    expect(findCycles(graph, '/x')).toEqual(['a.ts → b.ts → a.ts']);
  });

  it('form no cycle', () => {
    const graph = importGraph(SIMULATOR);
    expect(graph.size).toBeGreaterThan(20);
    expect(findCycles(graph, SIMULATOR)).toEqual([]);
  });
});
