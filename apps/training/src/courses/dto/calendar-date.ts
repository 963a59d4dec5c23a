import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

/** A real calendar day written `YYYY-MM-DD` (no time, no zone). */
export const IsCalendarDate = (): PropertyDecorator =>
  applyDecorators(
    IsISO8601(
      { strict: true, strictSeparator: true },
      { message: '$property must be a valid date' },
    ),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be written YYYY-MM-DD' }),
  );
