import type { NextFunction, Request, Response } from 'express';
import { HttpError } from './http.errors';

/** Deeper JSON than any of the platform's schemas: refused before hashing or validation recurse. */
export const MAX_JSON_DEPTH = 32;

interface Visit {
  readonly value: unknown;
  readonly path: string;
  readonly depth: number;
}

/**
 * Refuses, as a 400 naming the field, a body nested deeper than {@link MAX_JSON_DEPTH} (the
 * idempotency hash and the validators recurse, and would overflow the stack) and any NUL
 * character in the body or query (PostgreSQL text cannot hold one). Walks without recursion.
 */
export function requestGuardMiddleware(request: Request, _response: Response, next: NextFunction) {
  const violation =
    firstViolation({ value: request.body, path: '', depth: 0 }) ??
    firstViolation({ value: request.query, path: '', depth: 0 });
  if (!violation) return next();
  next(
    new HttpError('VALIDATION_FAILED', {
      detail: 'One or more fields are invalid',
      violations: [violation],
    }),
  );
}

function firstViolation(root: Visit): { field: string; message: string } | undefined {
  const stack: Visit[] = [root];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) {
        return { field: path, message: `${path} contains a NUL character` };
      }
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) {
      return { field: path, message: `nested deeper than ${MAX_JSON_DEPTH} levels` };
    }
    for (const [key, child] of Object.entries(value)) {
      const childPath = path ? `${path}.${key}` : key;
      if (key.includes('\u0000')) {
        return { field: childPath, message: 'a key contains a NUL character' };
      }
      stack.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return undefined;
}
