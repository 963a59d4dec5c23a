// Consonants the phonetic key keeps apart, so every generated name is a different person to the
// duplicate detector (real names collide by design: Mohamed, Mohammed, Muhammad).
const SYLLABLES = ['ba', 'ka', 'da', 'fa', 'la', 'ma', 'na', 'ra', 'sa', 'ta'];

function encode(n: number, width: number): string {
  return String(n)
    .padStart(width, '0')
    .split('')
    .map((digit) => SYLLABLES[Number(digit)])
    .join('');
}

/** A unique, obviously synthetic name for the n-th test person (n < 10^6). */
export function syntheticName(n: number): { firstName: string; lastName: string } {
  const word = encode(n, 6);
  return { firstName: `Test${word.slice(0, 6)}`, lastName: `Zed${word.slice(6)}` };
}

/** A valid registration body for the n-th synthetic person; override any field. */
export function syntheticRegistration(
  n: number,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    ...syntheticName(n),
    category: 'returning-moroccan',
    sex: n % 2 === 0 ? 'female' : 'male',
    birthDate: '1988-03-14',
    nationality: 'MA',
    regionCode: String((n % 12) + 1).padStart(2, '0'),
    ...overrides,
  };
}
