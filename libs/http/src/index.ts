export * from './body-parser-errors.middleware';
export * from './correlation-id.middleware';
export * from './http.errors';
export * from './openapi';
export * from './problem-details';
export * from './problem-details.filter';
export * from './validation.pipe';
