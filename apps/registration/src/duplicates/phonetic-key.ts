import { normaliseName } from './name-normalisation';

/**
 * Version of the key algorithm (normalisation + phonetic rules). Keys are stored (blind-indexed),
 * so any change that alters a key must bump it and recompute the stored keys.
 */
export const PHONETIC_KEY_VERSION = 'v1';

type Vowel = 'a' | 'e' | 'i' | 'o' | 'u';
type PhoneticSymbol =
  | { readonly kind: 'consonant'; readonly sound: string; readonly weak?: boolean }
  | { readonly kind: 'vowel'; readonly sound: Vowel };

// Digraphs first: the consonant classes of Maghrebi names in French/English spellings.
const DIGRAPHS: Readonly<Record<string, PhoneticSymbol>> = {
  dj: consonant('j'), // Khadidja / Khadija, Hadj / Haj
  dh: consonant('d'), // Ramadhan / Ramadan
  ch: consonant('c'), // ش: Aicha / Aisha
  sh: consonant('c'),
  kh: consonant('h'), // خ: Khadija / Hadija (French spellings often drop the k)
  gh: consonant('g'), // غ: Ghizlane / Gizlane
  th: consonant('t'), // ث: Othmane / Otmane
  ph: consonant('f'), // Mustapha / Mostafa
  ck: consonant('k'),
  ou: vowel('u'), // Youssef / Yusuf, Oualid / Walid
  oo: vowel('u'), // Mahmood / Mahmoud
  ee: vowel('i'), // Saeed / Said
};

const SINGLES: Readonly<Record<string, PhoneticSymbol>> = {
  a: vowel('a'),
  e: vowel('e'),
  i: vowel('i'),
  o: vowel('o'),
  u: vowel('u'),
  w: vowel('u'), // Marwan / Marouane
  y: vowel('i'), // Maryam / Meriem; a word-initial y is a consonant (Youssef)
  q: consonant('k'), // ق: Abdulqadir / Abdelkader
  h: { kind: 'consonant', sound: 'h', weak: true },
};

/**
 * The phonetic key of one normalised token (see `normaliseName`): a consonant skeleton designed
 * for Maghrebi and West African names written in French, English or Arabic script.
 *
 * 1. Letters map to sound classes: `ou`/`u`/`w`, `ch`/`sh`, `k`/`q`/hard `c`, `kh`/`h`, `dj`/`j`,
 *    `gh`/`g`, `th`/`t`, `ph`/`f`, `y`/`i`/`ee`; repeated consonants collapse; a final `h` is silent
 *    (`Fatimah`, `Abdallah`).
 * 2. A leading vowel (or `w`) becomes `a`: `Aicha`, `Idrissi`, `Omar`, `Oualid` start alike.
 * 3. Inner vowels are dropped (Arabic script does not write short vowels), except that a u/o
 *    sound before the last consonant is kept as `u` when the first syllable has none: this keeps
 *    the long ū of Mahmoud, Mansour, Messaoud (`mhmud`) apart from Mohamed (`mhmd`), while Youssef
 *    and Youssouf (`ysf`) still agree.
 * 4. The vowels after the last consonant become markers: `u` for u/o, `i` for i/y, `a` when the
 *    name ends in a/ah/ae (the feminine ending of Fatima, Amina); a final e is silent (Hassane).
 */
export function tokenPhoneticKey(token: string): string {
  const symbols = dropSilentFinalH(symbolise(token));
  const consonants = symbols.flatMap((symbol, index) =>
    symbol.kind === 'consonant' ? [index] : [],
  );
  if (symbols.length === 0) {
    return '';
  }
  let key = symbols[0].kind === 'vowel' ? 'a' : '';
  consonants.forEach((position, rank) => {
    if (rank === consonants.length - 1 && keepsLongU(symbols, consonants)) {
      key += 'u';
    }
    key += symbols[position].sound;
  });
  const last = consonants.length > 0 ? consonants[consonants.length - 1] : 0;
  return key + vowelMarkers(vowelsBetween(symbols, last, symbols.length));
}

/**
 * The phonetic key of a whole name in either script: its normalised tokens' keys, in order,
 * separated by spaces. `Abd El Kader`, `Abdulqadir` and `عبد القادر` give the same key.
 */
export function phoneticKey(name: string): string {
  return normaliseName(name).map(tokenPhoneticKey).join(' ');
}

function symbolise(token: string): PhoneticSymbol[] {
  const symbols: PhoneticSymbol[] = [];
  let index = 0;
  while (index < token.length) {
    const char = token[index];
    const next = token.charAt(index + 1);
    const digraph = DIGRAPHS[char + next];
    if (digraph !== undefined) {
      symbols.push(digraph);
      index += 2;
      continue;
    }
    if (char === 'q' && next === 'u' && isVowel(token.charAt(index + 2))) {
      symbols.push(consonant('k')); // Quassim: the u is not a vowel of its own
      index += 2;
      continue;
    }
    symbols.push(...symbolsOf(char, next, index === 0));
    index += 1;
  }
  return collapseConsonants(symbols);
}

function symbolsOf(char: string, next: string, initial: boolean): PhoneticSymbol[] {
  if (char === 'y' && initial) {
    return [consonant('y')];
  }
  if (char === 'c') {
    return [consonant('eiy'.includes(next) && next !== '' ? 's' : 'k')]; // Youcef, Boubacar
  }
  if (char === 'x') {
    return [consonant('k'), consonant('s')];
  }
  const single = SINGLES[char];
  if (single !== undefined) {
    return [single];
  }
  return /[a-z]/.test(char) ? [consonant(char)] : [];
}

function collapseConsonants(symbols: readonly PhoneticSymbol[]): PhoneticSymbol[] {
  return symbols.filter((symbol, index) => {
    const previous = symbols[index - 1];
    return !(
      index > 0 &&
      symbol.kind === 'consonant' &&
      previous.kind === 'consonant' &&
      previous.sound === symbol.sound
    );
  });
}

function dropSilentFinalH(symbols: PhoneticSymbol[]): PhoneticSymbol[] {
  const last = symbols[symbols.length - 1];
  const silent = symbols.length > 1 && last.kind === 'consonant' && last.weak === true;
  return silent ? symbols.slice(0, -1) : symbols;
}

function keepsLongU(symbols: readonly PhoneticSymbol[], consonants: readonly number[]): boolean {
  if (consonants.length < 3) {
    return false;
  }
  const [first, second] = consonants;
  const lastSyllable = vowelsBetween(
    symbols,
    consonants[consonants.length - 2],
    consonants[consonants.length - 1],
  );
  const firstSyllable = vowelsBetween(symbols, first, second);
  const isU = (sound: Vowel): boolean => sound === 'u' || sound === 'o';
  return lastSyllable.some(isU) && !firstSyllable.some(isU);
}

function vowelsBetween(symbols: readonly PhoneticSymbol[], from: number, to: number): Vowel[] {
  return symbols
    .slice(from + 1, to)
    .flatMap((symbol) => (symbol.kind === 'vowel' ? [symbol.sound] : []));
}

function vowelMarkers(vowels: readonly Vowel[]): string {
  const sounded = [...vowels];
  while (sounded[sounded.length - 1] === 'e') {
    sounded.pop();
  }
  const u = sounded.some((sound) => sound === 'u' || sound === 'o') ? 'u' : '';
  const i = sounded.includes('i') ? 'i' : '';
  const a = sounded[sounded.length - 1] === 'a' ? 'a' : '';
  return u + i + a;
}

function isVowel(char: string): boolean {
  return char !== '' && 'aeiouy'.includes(char);
}

function consonant(sound: string): PhoneticSymbol {
  return { kind: 'consonant', sound };
}

function vowel(sound: Vowel): PhoneticSymbol {
  return { kind: 'vowel', sound };
}
