export { createCore, DATABASE_FILE } from './createCore';
export type { CoreHost, CoreOptions, PortdeskCore } from './portdeskCore';
