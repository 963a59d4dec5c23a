import { randomInt } from 'node:crypto';

let counter = 0;

/** Digits unique within the run, so phones and document numbers never collide across tests. */
function uniqueDigits(length: number): string {
  counter += 1;
  return `${counter}${randomInt(10 ** 7)}`.padStart(length, '0').slice(-length);
}

// Consonants of distinct phonetic classes (see duplicates/phonetic-key.ts), none silent or weak.
const CONSONANTS = 'bdfgjklmnprstvz';

/**
 * A made-up surname of its own, e.g. `Benali-Kadarasa`: the duplicate check treats the same name,
 * birth year and nationality as the same person, so every factory person needs a distinct name.
 */
function uniqueSurname(): string {
  counter += 1;
  let digits = counter * 1000 + randomInt(1000);
  let letters = '';
  while (digits > 0 || letters.length < 4) {
    letters += `${CONSONANTS[digits % CONSONANTS.length]}a`;
    digits = Math.floor(digits / CONSONANTS.length);
  }
  return `Benali-${letters[0].toUpperCase()}${letters.slice(1)}`;
}

/** A valid registration body; every call gets its own surname, phone and CIN number. */
export function aBeneficiary(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    firstName: 'Fatima Zahra',
    lastName: uniqueSurname(),
    category: 'returning-moroccan',
    sex: 'female',
    birthDate: '1990-05-01',
    nationality: 'MA',
    regionCode: '05',
    phone: `+2126${uniqueDigits(8)}`,
    documents: [{ type: 'CIN', number: `BK${uniqueDigits(6)}`, issuingCountry: 'MA' }],
    ...overrides,
  };
}
