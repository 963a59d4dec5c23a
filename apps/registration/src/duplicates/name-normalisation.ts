import { transliterateArabicWord } from './arabic-transliteration';

const ARABIC_RUN = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]+/gu;
const APOSTROPHES = /['\u2018\u2019\u201B\u02BB\u02BC\u02BE\u02BF\u0060\u00B4\u2032]/gu;
const COMBINING_MARKS = /\p{M}/gu;
const VOWELS = 'aeiouy';

// Latin letters that Unicode decomposition does not reduce to a-z.
const LATIN_SPECIALS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŋ: 'n',
  ɛ: 'e', // Tamazight Latin alphabet
  ɣ: 'gh', // Tamazight Latin alphabet
};

// Abbreviations of Mohamed common in Moroccan records, and the two most frequent Moroccan forms
// that elide the initial vowel (the phonetic key keeps initial vowels).
const ALIASES: Readonly<Record<string, string>> = {
  med: 'mohamed',
  mohd: 'mohamed',
  mhd: 'mohamed',
  driss: 'idriss',
  brahim: 'ibrahim',
};

const ARTICLES = new Set(['el', 'al', 'ul']);
// The article assimilated to a following "sun" consonant: "Es Sebti", "Er-Rachidi", "Ech Chaoui".
const ASSIMILATED_ARTICLE = /^[ae](ch|sh|[dnrstz])$/;
const ATTACHED_ASSIMILATED_ARTICLE = /^e(ch|sh|[dnrstz])\1/;
// "Abd" alone, or with the article already attached ("Abdel", "Abdul", "Abdoul").
const ABD_PREFIX = /^abd(?:[aeiou]+l)?$/;
// Not i: in Abdelilah / عبد الإله the i belongs to the name (ilah).
const ABD_ARTICLE = /^(?:ou|[aeou])?l*/;
// The "-eddine" half of compound first names: "Nour Eddine", "Salah-Eddine", نور الدين.
const EDDINE = /^[aeiou]?d+(?:i|y|ee)ne?$/;
// Patronymic particles written apart or attached: "Ben Ali" / "Benali", "Ait Taleb", "Ould Ahmed".
const SON_OF = new Set(['ben', 'bin', 'ibn', 'ebn']);
const PATRONYMS = ['ben', 'ould', 'ait', 'abou'];

/**
 * Splits a personal name, in Latin or Arabic script, into lower-case ASCII tokens meant for
 * matching, not for display:
 * - accents are stripped and Arabic letters transliterated (`محمد` → `mhmd`);
 * - apostrophes join (`M'Barek` → `mbarek`), hyphens and other punctuation split;
 * - the article is removed whether separate or attached (`El Amrani`, `Elamrani`, `Al-Amrani`,
 *   `العمراني` → `amrani`), including its assimilated forms (`Es-Sebti`, `Essebti` → `sebti`);
 * - compounds are joined into one canonical token: `Abd El Kader`, `Abdulqadir` → `abdelkader` /
 *   `abdelqadir`, `Ben Ali` → `benali`, `Nour Eddine` → `nouredine`;
 * - doubled letters are collapsed (`Mohammed` → `mohamed`).
 */
export function normaliseName(raw: string | null | undefined): string[] {
  if (typeof raw !== 'string' || raw.trim().length === 0) {
    return [];
  }
  const latin = foldToAscii(
    raw
      .normalize('NFKC')
      .toLowerCase()
      .replace(ARABIC_RUN, (word) => ` ${transliterateArabicWord(word)} `),
  );
  const words = latin
    .replace(APOSTROPHES, '')
    .replace(/[^a-z]+/g, ' ')
    .split(' ')
    .filter((word) => word.length > 0)
    .map((word) => ALIASES[word] ?? word);
  return joinCompounds(words)
    .map((token) => collapseDoubles(token))
    .filter((token) => token.length > 0);
}

/** `oo` and `ee` are English spellings of the ou and i sounds (Mahmood, Saeed); other pairs are one letter. */
function collapseDoubles(token: string): string {
  return token
    .replace(/oo/g, 'ou')
    .replace(/ee/g, 'i')
    .replace(/([a-z])\1+/g, '$1');
}

function foldToAscii(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[\u0080-\uffff]/gu, (char) => LATIN_SPECIALS[char] ?? char);
}

function joinCompounds(words: readonly string[]): string[] {
  const tokens: string[] = [];
  let index = 0;
  while (index < words.length) {
    const word = words[index];
    const hasNext = index + 1 < words.length;
    if (EDDINE.test(word) && tokens.length > 0) {
      tokens[tokens.length - 1] = `${tokens[tokens.length - 1]}eddine`;
      index += 1;
    } else if (hasNext && isCompoundPrefix(word)) {
      const next = skipArticles(words, index + 1);
      const prefix = SON_OF.has(word) ? 'ben' : word === 'abu' ? 'abou' : word;
      tokens.push(canonicalToken(`${prefix}${words[next]}`));
      index = next + 1;
    } else if (hasNext && isSeparateArticle(word, words[index + 1])) {
      index += 1;
    } else {
      tokens.push(canonicalToken(word));
      index += 1;
    }
  }
  return tokens;
}

function isCompoundPrefix(word: string): boolean {
  return ABD_PREFIX.test(word) || SON_OF.has(word) || word === 'abu' || PATRONYMS.includes(word);
}

/** Index of the first word from `start` that is not an article, keeping at least the last word. */
function skipArticles(words: readonly string[], start: number): number {
  let index = start;
  while (index + 1 < words.length && isSeparateArticle(words[index], words[index + 1])) {
    index += 1;
  }
  return index;
}

function isSeparateArticle(word: string, next: string): boolean {
  if (ARTICLES.has(word)) {
    return true;
  }
  const assimilated = ASSIMILATED_ARTICLE.exec(word);
  return assimilated !== null && next.startsWith(assimilated[1]);
}

function canonicalToken(word: string): string {
  const token = canonicalAbd(stripAttachedArticle(word));
  for (const prefix of PATRONYMS) {
    if (token.startsWith(prefix) && token.length > prefix.length) {
      return prefix + stripAttachedArticle(token.slice(prefix.length));
    }
  }
  return token;
}

/**
 * Removes an attached article when what remains is long enough to be a name: `elamrani` →
 * `amrani`, `elbaz` → `baz`, `alfassi` → `fassi`, `essebti` → `sebti`, but not `elias`, `alpha`,
 * `alami` or `allal`, where the letters belong to the name. The rule is deterministic, so a name
 * always reduces the same way whichever way it was written.
 */
function stripAttachedArticle(word: string): string {
  const assimilated = ATTACHED_ASSIMILATED_ARTICLE.exec(word);
  if (assimilated !== null && word.length - 1 - assimilated[1].length >= 3) {
    return word.slice(1 + assimilated[1].length);
  }
  const rest = word.slice(2);
  const restStartsWithVowel = VOWELS.includes(rest.charAt(0));
  if (word.startsWith('el')) {
    return rest.length >= (restStartsWithVowel ? 4 : 3) ? rest : word;
  }
  if (word.startsWith('al') && !restStartsWithVowel && !rest.startsWith('l')) {
    // "Al" before a vowel or an l is usually part of the name: Alaoui, Alami, Allal.
    return rest.length >= 4 ? rest : word;
  }
  return word;
}

/**
 * `abd` + article + name in one canonical spelling: `abdelkader`, `abdulqadir`, `abdelqadr` (from
 * عبد القادر) all become `abdel` + the name without its article (`kader`, `qadir`, `qadr`).
 * `Abdou`, `Abdi` stay as they are.
 */
function canonicalAbd(word: string): string {
  if (!word.startsWith('abd')) {
    return word;
  }
  const afterAbd = word.slice(3);
  const article = ABD_ARTICLE.exec(afterAbd)?.[0] ?? '';
  const name = afterAbd.slice(article.length);
  const isCompound = name.length > 0 && (article.includes('l') || /[^aeiouy]/.test(name));
  return isCompound ? `abdel${name}` : word;
}
