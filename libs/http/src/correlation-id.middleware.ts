import { correlationIdOf, runWithContext } from '@mrm/observability';
import type { NextFunction, Request, Response } from 'express';

export const CORRELATION_ID_HEADER = 'x-correlation-id';

/** Express middleware: fixes the request's correlation id and echoes it in the response. */
export function correlationIdMiddleware(
  request: Request,
  response: Response,
  next: NextFunction,
): void {
  const correlationId = correlationIdOf(request);
  request.headers[CORRELATION_ID_HEADER] = correlationId;
  response.setHeader(CORRELATION_ID_HEADER, correlationId);
  next();
}

/**
 * Express middleware, placed after the body parser: runs the rest of the request (Nest's guards,
 * interceptors, handler and filters) inside the request context, so logs and outbox events written
 * for it carry its correlation id. Before the body parser it would not do: the parser calls `next`
 * from the socket's callbacks, outside the context of the middleware that ran before it.
 */
export function requestContextMiddleware(
  request: Request,
  _response: Response,
  next: NextFunction,
): void {
  runWithContext(
    {
      correlationId: String(request.headers[CORRELATION_ID_HEADER]),
      traceparent: request.headers.traceparent as string | undefined,
    },
    next,
  );
}
