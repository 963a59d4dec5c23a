/**
 * Turns a response body into the text stored in `idempotency_record.response_body` and back.
 * A service whose create responses carry personal data provides one that encrypts (law 09-08:
 * no name or phone in clear in any table); the default stores JSON.
 */
export interface IdempotencyResponseSealer {
  /** `context` names the record (`idempotency:<principal>:<key>`), e.g. as encryption AAD. */
  seal(body: unknown, context: string): string;
  open(sealed: string, context: string): unknown;
}

/** Injection token of the service's {@link IdempotencyResponseSealer}. */
export const IDEMPOTENCY_RESPONSE_SEALER = Symbol('IDEMPOTENCY_RESPONSE_SEALER');

export const JSON_RESPONSE_SEALER: IdempotencyResponseSealer = {
  seal: (body) => JSON.stringify(body ?? null),
  open: (sealed) => JSON.parse(sealed) as unknown,
};
