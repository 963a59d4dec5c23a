import { defineRule } from '@mrm/http';

// Years from 1900: no reintegration fact is older, and the schema says so too.
const DATE_PATTERN = /^(19[0-9]{2}|[2-9][0-9]{3})-([0-9]{2})-([0-9]{2})$/;

/** True for a `YYYY-MM-DD` from 1900 on that exists in the calendar (no 30 February). */
export function isCalendarDate(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** A date without time (`format: date`), checked against the calendar, for every dated fact here. */
export const IsCalendarDate = defineRule({
  name: 'isReintegrationCalendarDate',
  test: (value) => isCalendarDate(value),
  message: '$property must be an existing date (YYYY-MM-DD)',
  schema: { type: 'string', format: 'date', pattern: DATE_PATTERN.source },
});
