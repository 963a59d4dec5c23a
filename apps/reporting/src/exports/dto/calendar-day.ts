import { defineRule } from '@mrm/http';

const DAY_PATTERN = /^(19|20|21)([0-9]{2})-([0-9]{2})-([0-9]{2})$/;

/** True for a `YYYY-MM-DD` between 1900 and 2199 that exists in the calendar (no 30 February). */
export function isCalendarDay(value: unknown): boolean {
  if (typeof value !== 'string' || !DAY_PATTERN.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** A day without time (`format: date`), the bounds of a donor report's period. */
export const IsCalendarDay = defineRule({
  name: 'isReportingCalendarDay',
  test: (value) => isCalendarDay(value),
  message: '$property must be an existing day (YYYY-MM-DD) between 1900 and 2199',
  schema: { type: 'string', format: 'date', pattern: DAY_PATTERN.source },
});
