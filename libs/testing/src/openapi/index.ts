export * from './body-generator';
export * from './openapi-contract';
export * from './openapi-json-schema';
export * from './platform-formats';
export * from './contract-requests';
export * from './contract-assertions';
export * from './hostile-requests';
export * from './multipart-body';
