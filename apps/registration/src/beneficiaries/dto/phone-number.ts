import { parsePhoneNumberFromString } from 'libphonenumber-js';

const INTERNATIONAL_FORM = /^\+[0-9 ]{6,24}$/;

// A body's phone number is validated, then normalised: the parse done by the validator is kept
// with the body, weakly, so that it is not done twice and does not outlive the request.
const e164ByBody = new WeakMap<object, Map<string, string>>();

/** The E.164 form of a number in international form that libphonenumber-js knows to be valid. */
export function parseE164(value: unknown): string | undefined {
  if (typeof value !== 'string' || !INTERNATIONAL_FORM.test(value)) return undefined;
  const number = parsePhoneNumberFromString(value, { extract: false });
  return number?.isValid() ? number.number : undefined;
}

/** Validates `body[property]` and remembers its E.164 form for `e164Of`. */
export function validateE164(body: object, property: string, value: unknown): boolean {
  const e164 = parseE164(value);
  if (e164 === undefined) return false;
  let parsed = e164ByBody.get(body);
  if (!parsed) e164ByBody.set(body, (parsed = new Map<string, string>()));
  parsed.set(property, e164);
  return true;
}

/** The E.164 form of a validated `body[property]` (parsed again only if it was not validated). */
export function e164Of(body: object, property: string, value: string): string {
  const e164 = e164ByBody.get(body)?.get(property) ?? parseE164(value);
  if (e164 === undefined) throw new Error(`${property} is not a valid phone number`);
  return e164;
}
