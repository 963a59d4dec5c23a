/** Injection token of the service's access-log middleware (pino-http), mounted by the bootstrap. */
export const HTTP_LOGGER = Symbol('HTTP_LOGGER');
