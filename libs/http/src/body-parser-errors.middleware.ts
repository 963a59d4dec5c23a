import type { NextFunction, Request, Response } from 'express';
import { HttpError, type HttpErrorCode } from './http.errors';

// body-parser reports its failures with these `type`s.
const BODY_PARSER_ERRORS: Record<string, HttpErrorCode> = {
  'entity.parse.failed': 'MALFORMED_JSON',
  'entity.too.large': 'PAYLOAD_TOO_LARGE',
  'encoding.unsupported': 'UNSUPPORTED_MEDIA_TYPE',
  'charset.unsupported': 'UNSUPPORTED_MEDIA_TYPE',
};

/**
 * Express error middleware placed right after the body parser: turns its errors into coded
 * domain errors before Nest flattens them into an anonymous 400.
 */
export function bodyParserErrorsMiddleware(
  error: unknown,
  _request: Request,
  _response: Response,
  next: NextFunction,
): void {
  const { type, status } = (error ?? {}) as { type?: string; status?: number };
  // Without a type, a 4xx of the body parser is a body it could not decode (a gzip body that is not
  // gzip, say): the client's fault, never a 500.
  const code =
    BODY_PARSER_ERRORS[type ?? ''] ??
    (typeof status === 'number' && status >= 400 && status < 500 ? 'MALFORMED_BODY' : undefined);
  next(code ? new HttpError(code, { detail: (error as Error).message }) : error);
}
