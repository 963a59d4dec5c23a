import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { DomainError } from '@mrm/errors';
import { pathOf } from '@mrm/observability';
import type { Request, Response } from 'express';
import { throwError, type Observable } from 'rxjs';
import { HttpError, type HttpErrorCode } from './http.errors';
import { PROBLEM_CONTENT_TYPE, problemType, type ProblemDetails } from './problem-details';
import { CORRELATION_ID_HEADER } from './correlation-id.middleware';

const STATUS_CODES: Record<number, HttpErrorCode> = {
  404: 'ROUTE_NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

/** A 4xx raised by Nest itself (e.g. a guard's ForbiddenException) with no code of ours. */
class FrameworkHttpError extends DomainError {
  readonly service = 'http';
  constructor(exception: HttpException) {
    super(`HTTP_${exception.getStatus()}`, exception.getStatus(), exception.message);
  }
}

/**
 * Every HTTP error leaves as `application/problem+json`. Domain errors keep their code and status;
 * framework errors get a stable code; anything else is a 500 whose details stay in the log.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    // Event handlers: hand the original error back, so the transport can tell a permanent failure
    // (dead letter) from a transient one (retry); Nest's default would replace it.
    if (host.getType() !== 'http') return throwError(() => exception);
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const error = this.toDomainError(exception);
    if (error.status >= 500) {
      this.logger.error({ err: exception, url: pathOf(request.originalUrl) }, 'unhandled error');
    }
    const correlationId = response.getHeader(CORRELATION_ID_HEADER)?.toString();
    const problem: ProblemDetails = {
      // Extension members of one problem type (e.g. the candidates of a probable duplicate);
      // listed first so that they can never replace a standard member.
      ...((error as { problemExtensions?: Record<string, unknown> }).problemExtensions ?? {}),
      type: problemType(error.service, error.code),
      title: error.title,
      status: error.status,
      ...(error.detail && error.status < 500 ? { detail: error.detail } : {}),
      instance: request.originalUrl.split('?')[0],
      code: error.code,
      ...(correlationId ? { correlationId } : {}),
      ...(error.violations.length > 0 ? { errors: error.violations } : {}),
    };
    const challenge = (error as { wwwAuthenticate?: string }).wwwAuthenticate;
    if (challenge) response.setHeader('WWW-Authenticate', challenge);
    // A 429 or 503 says when to come back (RFC 9110 §10.2.3).
    const retryAfter = (error as { retryAfterSeconds?: number }).retryAfterSeconds;
    if (retryAfter !== undefined) response.setHeader('Retry-After', String(retryAfter));
    if (response.headersSent) return;
    response.status(error.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  private toDomainError(exception: unknown): DomainError {
    if (exception instanceof DomainError) return exception;
    if (exception instanceof HttpException) {
      const code = STATUS_CODES[exception.getStatus()];
      if (code) return new HttpError(code, { detail: exception.message });
      if (exception.getStatus() < 500) return new FrameworkHttpError(exception);
    }
    return new HttpError('INTERNAL_ERROR', { cause: exception });
  }
}
