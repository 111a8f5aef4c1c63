import type { Migration } from './migration';
import { migration001Initial } from './001_initial';
import { migration004OutboxReleaseDependencies } from './004_outbox_release_dependencies';

export type { Migration } from './migration';

/** Every migration, in order. Append only. */
export const MIGRATIONS: readonly Migration[] = [
  migration001Initial,
  // 002 (store perf) and 003 (notices) are reserved by other changes; the runner allows gaps.
  migration004OutboxReleaseDependencies,
];
