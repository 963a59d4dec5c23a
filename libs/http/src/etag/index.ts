export * from './etag';
export * from './etag.interceptor';
