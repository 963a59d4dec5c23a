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
  const code = BODY_PARSER_ERRORS[(error as { type?: string })?.type ?? ''];
  next(code ? new HttpError(code, { detail: (error as Error).message }) : error);
}
