import type { Migration } from './migration';
import { migration001Initial } from './001_initial';
import { migration002NumberSearch } from './002_number_search';
import { migration003Notices } from './003_notices';

export type { Migration } from './migration';

/** Every migration, in order. Append only. */
export const MIGRATIONS: readonly Migration[] = [
  migration001Initial,
  migration002NumberSearch,
  migration003Notices,
];
