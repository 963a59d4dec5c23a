import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { correlationIdOf, runWithContext } from '@mrm/observability';
import type { NextFunction, Request, Response } from 'express';
import { Observable } from 'rxjs';

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
 * Runs the handler inside the request context, so logs and outbox events written by it carry the
 * request's correlation id (body parsing breaks async context, so middleware alone is not enough).
 */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    const correlationId = String(request.headers[CORRELATION_ID_HEADER]);
    return new Observable((subscriber) =>
      runWithContext(
        { correlationId, traceparent: request.headers.traceparent as string | undefined },
        () => next.handle().subscribe(subscriber),
      ),
    );
  }
}
