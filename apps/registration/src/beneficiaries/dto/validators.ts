import { resolveRegionCode } from '@mrm/contracts';
import {
  registerDecorator,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';
import { COUNTRY_CODES, LANGUAGE_CODES } from './iso-codes';
import { validateE164 } from './phone-number';

function rule(
  name: string,
  test: (value: unknown, args: ValidationArguments) => boolean,
  message: string,
  options?: ValidationOptions,
): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message, ...options },
      validator: { validate: test },
    });
}

/** ISO 3166-1 alpha-2, upper case (`MA`, `SN`). */
export const IsCountryCode = (options?: ValidationOptions) =>
  rule(
    'isCountryCode',
    (value) => typeof value === 'string' && COUNTRY_CODES.has(value),
    '$property must be an ISO 3166-1 alpha-2 country code',
    options,
  );

/** ISO 639-1, lower case (`ar`, `fr`, `wo`). */
export const IsLanguageCode = (options?: ValidationOptions) =>
  rule(
    'isLanguageCode',
    (value) => typeof value === 'string' && LANGUAGE_CODES.has(value),
    '$property must contain ISO 639-1 language codes',
    options,
  );

/** A phone number in international form that libphonenumber-js knows to be valid. */
export const IsE164Phone = () =>
  rule(
    'isE164Phone',
    (value, args) => validateE164(args.object, args.property, value),
    '$property must be a valid phone number in international E.164 form, e.g. +212612345678',
  );

/** One of the 12 region codes, or a French or Arabic label in a common spelling. */
export const IsRegion = () =>
  rule(
    'isRegion',
    (value) => typeof value === 'string' && resolveRegionCode(value) !== undefined,
    '$property must be one of the 12 region codes 01..12 or a region name',
  );

/** A `YYYY-MM-DD` date that exists in the calendar and is not after today (UTC). */
export const IsPastCalendarDate = () =>
  rule(
    'isPastCalendarDate',
    (value) => typeof value === 'string' && isPastCalendarDate(value, new Date()),
    '$property must be an existing date (YYYY-MM-DD) not in the future',
  );

/** A year between 1900 and the current year (or absent: see {@link ExactlyOneOf}). */
export const IsPastYear = () =>
  rule(
    'isPastYear',
    (value) =>
      value === undefined ||
      (typeof value === 'number' &&
        Number.isInteger(value) &&
        value >= 1900 &&
        value <= new Date().getUTCFullYear()),
    '$property must be a year between 1900 and the current year',
  );

/** Exactly one of this property and `other` is given (birth date or estimated year). */
export const ExactlyOneOf = (other: string) =>
  rule(
    'exactlyOneOf',
    (value, args) =>
      (value === undefined) !== ((args.object as Record<string, unknown>)[other] === undefined),
    `exactly one of $property and ${other} is required`,
  );

/** Pure check behind {@link IsPastCalendarDate}; `now` is injected for tests. */
export function isPastCalendarDate(value: string, now: Date): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  const exists =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return exists && year >= 1900 && value <= now.toISOString().slice(0, 10);
}
