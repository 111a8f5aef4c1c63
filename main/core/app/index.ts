export { createCore, DATABASE_FILE } from './createCore';
export type { CoreOptions, PortdeskCore } from './portdeskCore';
