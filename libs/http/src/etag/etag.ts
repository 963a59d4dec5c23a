import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { HttpError } from '../http.errors';

/** The strong ETag of a resource version: `"<version>"`. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * The version an `If-Match` header asks for: `"3"` (or `W/"3"`, which clients sometimes send).
 * `*` yields `undefined` (any version). Missing → 428; unparsable or a list → 412, since it can
 * never match a single current version.
 */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '') throw new HttpError('PRECONDITION_REQUIRED');
  const value = header.trim();
  if (value === '*') return undefined;
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(value);
  if (!match) {
    throw new HttpError('PRECONDITION_FAILED', {
      detail: 'If-Match must be the ETag of the current version',
    });
  }
  return Number(match[1]);
}

/** Throws 412 when the caller edited a version other than the current one. */
export function assertVersionMatches(input: {
  expected: number | undefined;
  current: number;
}): void {
  if (input.expected !== undefined && input.expected !== input.current) {
    throw new HttpError('PRECONDITION_FAILED', {
      detail: `The resource is at version ${input.current}; read it again before changing it`,
    });
  }
}

/**
 * Handler parameter: the version of the `If-Match` header (`undefined` for `*`); 428 when missing.
 * Use on PATCH and other updates so two case workers do not overwrite each other.
 */
export const IfMatchVersion = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  parseIfMatch(context.switchToHttp().getRequest<Request>().headers['if-match']),
);

/**
 * Handler parameter: the version of an `If-Match` header when one is given (412 if stale), else
 * `undefined`. For actions that do not require it, unlike PATCH (status changes, sub-resources).
 */
export const OptionalIfMatchVersion = createParamDecorator(
  (_data: unknown, context: ExecutionContext) => {
    const header = context.switchToHttp().getRequest<Request>().headers['if-match'];
    return header === undefined ? undefined : parseIfMatch(header);
  },
);
