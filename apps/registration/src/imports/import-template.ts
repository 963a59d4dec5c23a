import type { FieldViolation } from '@mrm/errors';
import { ImportError } from './import.errors';

/**
 * The columns of the import template (documented in README.md). A header is matched after folding
 * accents, case and punctuation ("Date de naissance" → `date_de_naissance`), against French and
 * English aliases. Canonical keys are the English names.
 */
export const TEMPLATE_COLUMNS = {
  first_name: ['prenom', 'first_name', 'firstname'],
  last_name: ['nom', 'last_name', 'lastname', 'nom_de_famille'],
  first_name_ar: ['prenom_ar', 'first_name_ar'],
  last_name_ar: ['nom_ar', 'last_name_ar'],
  sex: ['sexe', 'sex', 'genre', 'gender'],
  birth_date: ['date_naissance', 'date_de_naissance', 'birth_date', 'date_of_birth'],
  birth_year: ['annee_naissance', 'annee_de_naissance', 'birth_year', 'year_of_birth'],
  nationality: ['nationalite', 'nationality'],
  country_of_origin: ['pays_origine', 'pays_d_origine', 'country_of_origin'],
  return_country: ['pays_retour', 'pays_de_retour', 'return_country'],
  category: ['categorie', 'category'],
  phone: ['telephone', 'tel', 'phone'],
  region: ['region', 'region_code'],
  province: ['province'],
  commune: ['commune'],
  address: ['adresse', 'address'],
  cin: ['cin'],
  passport: ['passeport', 'passport'],
  residence_card: ['carte_sejour', 'carte_de_sejour', 'residence_card'],
  programme: ['programme', 'programme_code', 'program'],
  languages: ['langues', 'languages'],
  skills: ['competences', 'skills'],
  occupations: ['professions', 'metiers', 'occupations'],
  education_level: ['niveau_etudes', 'niveau_d_etudes', 'education_level'],
  duplicate_override_reason: ['motif_doublon', 'duplicate_override_reason'],
} as const;

export type ColumnKey = keyof typeof TEMPLATE_COLUMNS;

const REQUIRED: readonly ColumnKey[] = [
  'first_name',
  'last_name',
  'sex',
  'category',
  'nationality',
  'region',
];

const BY_ALIAS = new Map<string, ColumnKey>(
  Object.entries(TEMPLATE_COLUMNS).flatMap(([key, aliases]) =>
    aliases.map((alias) => [alias, key as ColumnKey] as const),
  ),
);

/** Folds a header to the form of the aliases: no accents, lower case, `_` between words. */
export function foldHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** Which template column each file column holds, and the header the file used for it. */
export interface ColumnLayout {
  /** By file column index; `null` for an ignorable column (no header, no values). */
  readonly keys: ReadonlyArray<ColumnKey | null>;
  /** The header as written in the file, by key: what the report names. */
  readonly headers: ReadonlyMap<ColumnKey, string>;
}

/**
 * Resolves the header row; refuses the file (400) when a column is unknown, given twice, or a
 * required one is missing. Unknown columns are named by position only: a file without a header
 * row would otherwise echo a person's data back.
 */
export function resolveColumns(
  headers: readonly string[],
  columnHasValues: (index: number) => boolean,
): ColumnLayout {
  const violations: FieldViolation[] = [];
  const found = new Map<ColumnKey, string>();
  const keys = headers.map((header, index): ColumnKey | null => {
    const folded = foldHeader(header);
    if (folded === '') {
      if (columnHasValues(index)) {
        violations.push({ field: `column ${index + 1}`, message: 'has values but no header' });
      }
      return null;
    }
    const key = BY_ALIAS.get(folded);
    if (!key) {
      violations.push({
        field: `column ${index + 1}`,
        message: 'header is not a column of the import template',
      });
      return null;
    }
    if (found.has(key)) {
      violations.push({ field: key, message: 'is given by more than one column' });
    }
    found.set(key, header.trim());
    return key;
  });
  for (const key of REQUIRED.filter((required) => !found.has(required))) {
    violations.push({ field: key, message: `required column (${aliasList(key)}) is missing` });
  }
  if (!found.has('birth_date') && !found.has('birth_year')) {
    violations.push({
      field: 'birth_date',
      message: `a birth date (${aliasList('birth_date')}) or year (${aliasList('birth_year')}) column is required`,
    });
  }
  if (violations.length > 0) {
    throw new ImportError('IMPORT_COLUMNS_INVALID', {
      detail: 'Rename, add or remove the columns listed; see the import template',
      violations,
    });
  }
  return { keys, headers: found };
}

function aliasList(key: ColumnKey): string {
  return TEMPLATE_COLUMNS[key].slice(0, 2).join(' or ');
}
