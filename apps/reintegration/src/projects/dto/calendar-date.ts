import { defineRule } from '@mrm/http';

/** True for a `YYYY-MM-DD` that exists in the calendar (no 30 February). */
export function isCalendarDate(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1900 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

/** A date without time (`format: date`), checked against the calendar, for every dated fact here. */
export const IsCalendarDate = defineRule({
  name: 'isReintegrationCalendarDate',
  test: (value) => isCalendarDate(value),
  message: '$property must be an existing date (YYYY-MM-DD)',
  schema: { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
});
