import { DomainError } from '@mrm/errors';

/**
 * Thrown by a handler for a message that can never succeed (it contradicts the handler's state in a
 * way a retry cannot fix). The message goes straight to the dead-letter stream.
 */
export class PermanentEventError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentEventError';
  }
}

/** Broken business rules are permanent too: a retry would break them again. */
export function isPermanentFailure(error: unknown): boolean {
  return error instanceof PermanentEventError || error instanceof DomainError;
}
