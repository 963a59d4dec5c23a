import { REGION_CODES, resolveRegionCode } from '@mrm/contracts';
import { defineRule } from '@mrm/http';
import { COUNTRY_CODES, LANGUAGE_CODES } from './iso-codes';
import { validateE164 } from './phone-number';

const FIRST_YEAR = 1900;

/** ISO 3166-1 alpha-2, upper case (`MA`, `SN`). */
export const IsCountryCode = defineRule({
  name: 'isCountryCode',
  test: (value) => typeof value === 'string' && COUNTRY_CODES.has(value),
  message: '$property must be an ISO 3166-1 alpha-2 country code',
  schema: { type: 'string', enum: [...COUNTRY_CODES] },
});

/** ISO 639-1, lower case (`ar`, `fr`, `wo`). */
export const IsLanguageCode = defineRule({
  name: 'isLanguageCode',
  test: (value) => typeof value === 'string' && LANGUAGE_CODES.has(value),
  message: '$property must contain ISO 639-1 language codes',
  schema: { type: 'string', enum: [...LANGUAGE_CODES] },
});

/** A phone number in international form that libphonenumber-js knows to be valid. */
export const IsE164Phone = defineRule({
  name: 'isE164Phone',
  test: (value, args) => validateE164(args.object, args.property, value),
  message: '$property must be a valid phone number in international E.164 form, e.g. +212612345678',
  // Validity per country is no pattern: the `e164` format names it (libs/testing checks it).
  schema: { type: 'string', format: 'e164', pattern: '^\\+[0-9 ]{6,24}$' },
});

/** One of the 12 region codes, or a French or Arabic label in a common spelling. */
export const IsRegion = defineRule({
  name: 'isRegion',
  test: (value) => typeof value === 'string' && resolveRegionCode(value) !== undefined,
  message: '$property must be one of the 12 region codes 01..12 or a region name',
  // The labels are matched loosely (accents, case, spelling), so the schema lists the codes only.
  schema: { type: 'string', enum: [...REGION_CODES] },
});

/** A `YYYY-MM-DD` date that exists in the calendar and is not after today (UTC). */
export const IsPastCalendarDate = defineRule({
  name: 'isPastCalendarDate',
  test: (value) => typeof value === 'string' && isPastCalendarDate(value, new Date()),
  message: '$property must be an existing date (YYYY-MM-DD) not in the future',
  schema: { type: 'string', format: 'past-date' },
});

const isAbsent = (value: unknown): boolean => value === undefined || value === null;

/** A year between 1900 and the current year (or absent: see {@link ExactlyOneOf}). */
export const IsPastYear = defineRule({
  name: 'isPastYear',
  test: (value) =>
    isAbsent(value) ||
    (typeof value === 'number' &&
      Number.isInteger(value) &&
      value >= FIRST_YEAR &&
      value <= new Date().getUTCFullYear()),
  message: '$property must be a year between 1900 and the current year',
  schema: () => ({ type: 'integer', minimum: FIRST_YEAR, maximum: new Date().getUTCFullYear() }),
});

const exactlyOneOf = defineRule({
  name: 'exactlyOneOf',
  // null counts as absent: `"birthDate": null` with no year gave a person born in year 0.
  test: (value, args) =>
    isAbsent(value) !==
    isAbsent((args.object as Record<string, unknown>)[args.constraints[0] as string]),
  message: 'exactly one of $property and $constraint1 is required',
  // When the property itself is optional (a PATCH), the rule only refuses both together.
  objectSchema: (property, [other], optional) =>
    optional
      ? { not: { required: [property, other as string] } }
      : { oneOf: [{ required: [property] }, { required: [other as string] }] },
});

/** Exactly one of this property and `other` is given (birth date or estimated year). */
export const ExactlyOneOf = (other: string) => exactlyOneOf({ constraints: [other] });

/** Pure check behind {@link IsPastCalendarDate}; `now` is injected for tests. */
export function isPastCalendarDate(value: string, now: Date): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  const exists =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return exists && year >= FIRST_YEAR && value <= now.toISOString().slice(0, 10);
}
