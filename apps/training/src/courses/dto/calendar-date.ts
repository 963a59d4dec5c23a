import { defineRule } from '@mrm/http';
import { isISO8601 } from 'class-validator';

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day written `YYYY-MM-DD` (no time, no zone). */
export const IsCalendarDate = defineRule({
  name: 'isTrainingCalendarDate',
  test: (value) =>
    typeof value === 'string' &&
    CALENDAR_DATE.test(value) &&
    isISO8601(value, { strict: true, strictSeparator: true }),
  message: '$property must be a valid date written YYYY-MM-DD',
  schema: { type: 'string', format: 'date' },
});
