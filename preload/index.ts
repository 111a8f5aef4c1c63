// The typed bridge (window.portdesk) is built here from shared/ipc.ts.
export {};
