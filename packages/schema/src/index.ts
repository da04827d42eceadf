export * from './vocabulary';
export * from './datasets';
export * from './metrics/metric';
export * from './metrics/catalogue';
export * from './programmes/programme-starts';
export * from './programmes/start-periods';
