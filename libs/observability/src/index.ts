export * from './logger-options';
export * from './metrics-registry';
export * from './request-context';
export * from './observability.module';
