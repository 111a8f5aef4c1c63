/**
 * The one IPC contract (ARCHITECTURE §3). Every invoke channel names its payload schema and its
 * response type; every event channel names its payload schema. The preload builds
 * `window.portdesk` by looping over `INVOKE_METHODS` and `EVENT_METHODS`; main registers one
 * handler per invoke method through a wrapper that checks the sender, parses the payload with
 * `parseInvokePayload`, and answers with an `Envelope`. `PortdeskBridge` is derived from these
 * objects, so adding a channel breaks the preload, the main handler map and the test fake at
 * compile time until each implements it.
 *
 * Payload schemas are strict (unknown keys — `__proto__` and `constructor` included — are
 * refused), every string and array is capped, and messages say what is wrong in words.
 */

export * from './accountSchemas';
export * from './bridge';
export * from './draftSchemas';
export * from './envelope';
export * from './eventContract';
export * from './feedSchemas';
export * from './exportSchemas';
export * from './fieldSchemas';
export * from './invokeContract';
export * from './limits';
export * from './payloadParsing';
export * from './requestSchemas';
export * from './settingsSchemas';
export * from './webhookSchemas';
