export * from './test-database';
export * from './test-environment';
export * from './test-namespace';
export * from './throwaway-nats';
export * from './wait-for';
export * from './service-harness';
export * from './synthetic-people';
