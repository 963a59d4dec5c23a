export * from './data-source-options';
export * from './ensure-database';
export * from './persistence.module';
export * from './run-migrations';
export * from './snake-naming.strategy';
export * from './connection-errors';
