/**
 * View models: what crosses IPC from main to the renderer. Main builds them from the store and
 * the domain; the renderer only displays them. No view ever carries a secret (ARCHITECTURE §9):
 * accounts appear by label and masked key SID, and the LOA signing URL stays in main.
 *
 * Identifiers: accounts have an opaque string id; drafts and outbox operations are integers
 * (the store's row ids). Instants are ISO-8601 strings; calendar dates are `YYYY-MM-DD`.
 */
export * from './accounts';
export * from './reasons';
export * from './requestList';
export * from './requestDetail';
export * from './drafts';
export * from './fields';
export * from './outbox';
export * from './outboxWait';
export * from './sync';
export * from './settings';
export * from './events';
