import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { ApiProblemResponses } from '../openapi/problem-responses';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/**
 * Makes a POST create route idempotent under the `Idempotency-Key` header (optional for the
 * client). Write it LAST among a handler's interceptor decorators (right above the method):
 * decorators apply bottom-up and the first interceptor registered runs outermost, which is what
 * lets it store and replay the headers set by the others (`ETag`, `Location` of `@CreatedResource()`).
 */
export const Idempotent = (): MethodDecorator =>
  applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Retrying with the same key and body replays the first response; another body answers 422.',
    }),
    // 409 while the first request with the key is still running; 422 for another body.
    ApiProblemResponses(409, 422),
  );
