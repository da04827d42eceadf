export * from './vocabulary';
export * from './datasets';
export * from './metrics/metric';
export * from './metrics/catalogue';
