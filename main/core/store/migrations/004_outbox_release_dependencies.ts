import type { Migration } from './migration';

/**
 * A dependency between outbox items can wait for more than "done". A corrected create
 * (fix and resubmit) waits for the cancel of the original numbers, and a cancel that Twilio
 * accepted (204) still holds the numbers while they are Canceling: a create sent then meets
 * 22137. `satisfied_when = 'numbers_released'` makes the edge hold until the cancel is done AND
 * the sync has seen its numbers leave (docs/sync.md, "Dependencies"). Existing edges keep 'done'.
 */
export const migration004OutboxReleaseDependencies: Migration = {
  version: 4,
  name: 'outbox_release_dependencies',
  sql: `
ALTER TABLE outbox_dependencies ADD COLUMN satisfied_when TEXT NOT NULL DEFAULT 'done'
  CHECK (satisfied_when IN ('done', 'numbers_released'));
`,
};
