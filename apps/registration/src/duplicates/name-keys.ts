import type { BlindIndex } from '@mrm/protection';
import { normaliseName } from './name-normalisation';
import { PHONETIC_KEY_VERSION, tokenPhoneticKey } from './phonetic-key';

/** A beneficiary's names as registered; any field may be missing. */
export interface NameInput {
  readonly firstName: string | null | undefined;
  readonly lastName: string | null | undefined;
  readonly firstNameAr?: string | null;
  readonly lastNameAr?: string | null;
}

/**
 * Matching keys of one person's name, sorted and without duplicates. Either clear phonetic keys
 * (from {@link nameKeys}) or their blind indexes (from {@link blindNameKeys}); never compare one
 * kind with the other.
 */
export interface NameKeys {
  /** Keys of the whole name: the sorted phonetic keys of its tokens, joined by spaces. */
  readonly full: readonly string[];
  /** The phonetic key of every token, for partial matches (a middle name added or dropped). */
  readonly tokens: readonly string[];
}

/**
 * Blind-index domains of the name keys. They carry the key algorithm's version, so that keys
 * computed by different versions never match by accident; a new version means recomputing them.
 */
export const NAME_KEY_DOMAINS = {
  full: `name-full:${PHONETIC_KEY_VERSION}`,
  token: `name-token:${PHONETIC_KEY_VERSION}`,
} as const;

/**
 * The phonetic keys of a name, from both the Latin and the Arabic-script fields.
 *
 * A full key pools the first-name and last-name tokens and sorts them, so swapped first and last
 * names still match. One full key is made for each combination of the Latin or Arabic first name
 * with the Latin or Arabic last name, and for each field also with its tokens written as one word
 * (`Fatima Zahra` / `Fatimazahra`); so a Latin-only record can match an Arabic-only one.
 */
export function nameKeys(name: NameInput): NameKeys {
  const firstNames = fieldVariants([name.firstName, name.firstNameAr]);
  const lastNames = fieldVariants([name.lastName, name.lastNameAr]);
  const full = new Set<string>();
  for (const first of firstNames.length > 0 ? firstNames : [[]]) {
    for (const last of lastNames.length > 0 ? lastNames : [[]]) {
      const tokens = [...first, ...last];
      if (tokens.length > 0) {
        full.add(tokens.sort().join(' '));
      }
    }
  }
  const tokens = new Set([...firstNames, ...lastNames].flat());
  return { full: [...full].sort(), tokens: [...tokens].sort() };
}

/**
 * True when two names share a full key: same tokens up to spelling, transliteration, articles,
 * compounds and order. A candidate for the duplicate queue, not a verdict.
 */
export function namesProbablyMatch(a: NameKeys, b: NameKeys): boolean {
  const fullOfB = new Set(b.full);
  return a.full.some((key) => fullOfB.has(key));
}

/**
 * Replaces each key by its blind index, so that name keys can be stored and compared without
 * keeping names (or their phonetic skeletons) in clear. Matching is unchanged: equal keys give
 * equal indexes, see {@link namesProbablyMatch}.
 */
export function blindNameKeys(keys: NameKeys, index: Pick<BlindIndex, 'compute'>): NameKeys {
  const blind = (domain: string, values: readonly string[]): string[] =>
    [...new Set(values.map((value) => index.compute(domain, value)))].sort();
  return {
    full: blind(NAME_KEY_DOMAINS.full, keys.full),
    tokens: blind(NAME_KEY_DOMAINS.token, keys.tokens),
  };
}

/** Token-key lists of one field (Latin and Arabic), each also with its tokens run together. */
function fieldVariants(sources: readonly (string | null | undefined)[]): string[][] {
  const variants = new Map<string, string[]>();
  for (const source of sources) {
    const tokens = normaliseName(source);
    const candidates = tokens.length > 1 ? [tokens, [tokens.join('')]] : [tokens];
    for (const candidate of candidates.filter((words) => words.length > 0)) {
      const keys = candidate.map(tokenPhoneticKey).filter((key) => key.length > 0);
      if (keys.length > 0) {
        variants.set(keys.join(' '), keys);
      }
    }
  }
  return [...variants.values()];
}
