export { createCore, DATABASE_FILE } from './createCore';
export type { CoreHost, CoreOptions, PortdeskCore } from './portdeskCore';
export type { DemoProvider, DemoProviderDeps, DemoProviderFactory } from '../accounts/demoProvider';
export type { Logger } from '../log/logger';
