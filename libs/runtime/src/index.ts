export * from './bootstrap';
export * from './health.controller';
export * from './migrate';
export * from './service-config';
export * from './service-config.token';
export * from './service-core.module';
export * from './shutdown-state';
export * from './platform-schema';
