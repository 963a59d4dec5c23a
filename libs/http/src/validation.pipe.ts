import { ValidationError, ValidationPipe } from '@nestjs/common';
import type { FieldViolation } from '@mrm/errors';
import { HttpError } from './http.errors';

function flatten(errors: ValidationError[], parent = ''): FieldViolation[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Whitelisting, unknown fields refused, types transformed; failures list every field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new HttpError('VALIDATION_FAILED', {
        detail: 'One or more fields are invalid',
        violations: flatten(errors),
      }),
  });
}
