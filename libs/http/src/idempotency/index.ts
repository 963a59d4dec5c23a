import { CreateIdempotencyRecord1763900000100 } from './1763900000100-CreateIdempotencyRecord';
import { IdempotencyRecordEntity } from './idempotency-record.entity';

export * from './idempotency-record.entity';
export * from './idempotency.decorator';
export * from './idempotency.errors';
export * from './idempotency.interceptor';
export * from './idempotency.sealer';
export * from './request-hash';

/** Tables of libs/http that every service gets (after MESSAGING_MIGRATIONS). */
export const HTTP_MIGRATIONS = [CreateIdempotencyRecord1763900000100];
export const HTTP_ENTITIES = [IdempotencyRecordEntity];
