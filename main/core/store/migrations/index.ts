import type { Migration } from './migration';
import { migration001Initial } from './001_initial';
import { migration003Notices } from './003_notices';

export type { Migration } from './migration';

/**
 * Every migration, in order. Append only. 002 (the store's speed work) is written on another
 * branch at the same time; the two meet here when they are merged, 002 before 003.
 */
export const MIGRATIONS: readonly Migration[] = [migration001Initial, migration003Notices];
