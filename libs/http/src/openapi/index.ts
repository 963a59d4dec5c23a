export * from './describe-validated-classes';
export * from './openapi-document';
export * from './schema-rule';
export * from './problem-responses';
export * from './validated-classes';
