export * from './statuses';
export * from './portIn';
export * from './timeline';
export * from './transitions';
export * from './reasonCodes';
export * from './phoneNumbers';
export * from './portDates';
export * from './draft';
