import { defineErrorFamily } from '@mrm/errors';

export type IdempotencyErrorCode = 'IDEMPOTENCY_KEY_INVALID' | 'IDEMPOTENCY_REQUEST_IN_PROGRESS';

/** Idempotency failures besides `IDEMPOTENCY_KEY_REUSED` (422, an `HttpError`). */
export const IdempotencyError = defineErrorFamily<IdempotencyErrorCode>('http', {
  IDEMPOTENCY_KEY_INVALID: { status: 400, title: 'The Idempotency-Key header is not valid' },
  IDEMPOTENCY_REQUEST_IN_PROGRESS: {
    status: 409,
    title: 'A request with this Idempotency-Key is still being processed',
  },
});
