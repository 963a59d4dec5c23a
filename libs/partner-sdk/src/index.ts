export * from './answer-id';
export * from './partner-client';
export * from './wire';
export { autoAnswer } from './cli/partner-desk';
