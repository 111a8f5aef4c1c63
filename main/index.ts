// Composition root: builds the core, then the Electron shell around it.
export {};
