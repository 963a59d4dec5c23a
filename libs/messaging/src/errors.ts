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

/** An event its producer was about to write although its contract refuses it: a producer bug. */
export class EventContractViolation extends Error {
  constructor(
    readonly type: string,
    readonly violations: ReadonlyArray<{ readonly field: string; readonly message: string }>,
  ) {
    super(
      `${type} breaks its contract: ${violations.map((v) => `${v.field}: ${v.message}`).join('; ')}`,
    );
    this.name = 'EventContractViolation';
  }
}
