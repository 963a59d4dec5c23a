import { parsePhoneNumberFromString } from 'libphonenumber-js';

/** A custom `format` of the services' schemas: how to check a value, and how to make one. */
export interface PlatformFormat {
  readonly validate: (value: string) => boolean;
  readonly generate: (random: () => number) => string;
}

// Valid numbers of a few countries the platform sees (libphonenumber-js agrees they are valid).
const PHONE_NUMBERS = [
  '+212612345678',
  '+212 6 61 23 45 67',
  '+221771234567',
  '+33612345678',
  '+2250701020304',
  '+34612345678',
];

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(1900, 0, 1);

function isPastDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  const exists = !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  return exists && date.getTime() >= FIRST_DAY && date.getTime() <= Date.now();
}

function aUuidV4(random: () => number): string {
  const hex = (count: number) =>
    Array.from({ length: count }, () => Math.floor(random() * 16).toString(16)).join('');
  const variant = '89ab'[Math.floor(random() * 4)];
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}

/**
 * The formats the services declare beyond JSON Schema's own (see their `defineRule` schemas),
 * and `uuid`, whose faker-made values are not RFC 9562 UUIDs (bad version or variant).
 */
export const PLATFORM_FORMATS: Record<string, PlatformFormat> = {
  // A number in international form that libphonenumber-js knows to be valid.
  e164: {
    validate: (value) => parsePhoneNumberFromString(value, { extract: false })?.isValid() ?? false,
    generate: (random) => PHONE_NUMBERS[Math.floor(random() * PHONE_NUMBERS.length)],
  },
  uuid: {
    validate: (value) =>
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value),
    generate: aUuidV4,
  },
  // An existing YYYY-MM-DD date from 1900-01-01 to today (UTC).
  'past-date': {
    validate: isPastDate,
    generate: (random) => {
      const days = Math.floor((random() * (Date.now() - FIRST_DAY)) / DAY_MS);
      return new Date(FIRST_DAY + days * DAY_MS).toISOString().slice(0, 10);
    },
  },
};
