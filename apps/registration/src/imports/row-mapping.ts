import type { ColumnKey, ColumnLayout } from './import-template';

/**
 * A data row turned into the body of `POST /api/v1/beneficiaries`. The mapping only reshapes and
 * normalises spreadsheet spellings (dates, phones, sex and category labels, lists); every rule is
 * left to the API's own validation, so a value it cannot read goes through as written and fails
 * there with the API's message.
 */
export interface MappedRow {
  readonly request: Record<string, unknown>;
  /** The file header a request field came from (`documents.1.number` → `passeport`). */
  readonly columnOf: (field: string) => string | undefined;
}

// Folded labels (lower case, no accents, `-` between words) accepted besides the wire values.
const SEXES: Record<string, string> = {
  f: 'female',
  femme: 'female',
  feminin: 'female',
  female: 'female',
  m: 'male',
  h: 'male',
  homme: 'male',
  masculin: 'male',
  male: 'male',
};
const CATEGORIES: Record<string, string> = {
  'migrant-de-retour': 'returning-moroccan',
  'migrant-marocain-de-retour': 'returning-moroccan',
  avrr: 'foreign-avrr',
  'migrant-etranger-avrr': 'foreign-avrr',
  'retour-volontaire': 'foreign-avrr',
  'immigre-regularise': 'regularised-immigrant',
  mre: 'moroccan-abroad',
  'marocain-resident-a-l-etranger': 'moroccan-abroad',
  'candidat-migration-de-travail': 'labour-migration-candidate',
  'candidat-migration-legale': 'labour-migration-candidate',
};

// Request fields and the template column each comes from; documents are added per row.
const FIELD_COLUMNS: ReadonlyArray<readonly [string, ColumnKey]> = [
  ['firstName', 'first_name'],
  ['lastName', 'last_name'],
  ['firstNameAr', 'first_name_ar'],
  ['lastNameAr', 'last_name_ar'],
  ['sex', 'sex'],
  ['birthDate', 'birth_date'],
  ['birthYear', 'birth_year'],
  ['nationality', 'nationality'],
  ['countryOfOrigin', 'country_of_origin'],
  ['returnCountry', 'return_country'],
  ['category', 'category'],
  ['phone', 'phone'],
  ['regionCode', 'region'],
  ['address.province', 'province'],
  ['address.commune', 'commune'],
  ['address.line', 'address'],
  ['programmeCode', 'programme'],
  ['languages', 'languages'],
  ['skills', 'skills'],
  ['occupations', 'occupations'],
  ['educationLevel', 'education_level'],
  ['duplicateOverride', 'duplicate_override_reason'],
];

export function mapRow(layout: ColumnLayout, cells: readonly string[]): MappedRow {
  const value = (key: ColumnKey): string | undefined => {
    const index = layout.keys.indexOf(key);
    const text = index >= 0 ? cells[index]?.normalize('NFC').trim() : undefined;
    return text ? text : undefined;
  };
  const nationality = value('nationality')?.toUpperCase();
  const documents = (
    [
      ['cin', 'CIN', 'MA'],
      // A passport is assumed to be issued by the country of nationality.
      ['passport', 'PASSPORT', nationality],
      ['residence_card', 'RESIDENCE_CARD', 'MA'],
    ] as const
  ).flatMap(([key, type, issuingCountry]) => {
    const number = value(key);
    return number ? [{ key, document: { type, number, issuingCountry } }] : [];
  });
  const address = {
    line: value('address'),
    province: value('province'),
    commune: value('commune'),
  };
  const reason = value('duplicate_override_reason');
  const request = withoutUndefined({
    firstName: value('first_name'),
    lastName: value('last_name'),
    firstNameAr: value('first_name_ar'),
    lastNameAr: value('last_name_ar'),
    sex: label(value('sex'), SEXES),
    ...birthOf(value('birth_date'), value('birth_year')),
    nationality,
    countryOfOrigin: value('country_of_origin')?.toUpperCase(),
    returnCountry: value('return_country')?.toUpperCase(),
    category: label(value('category'), CATEGORIES),
    phone: phoneOf(value('phone')),
    regionCode: value('region'),
    address: Object.values(address).some(Boolean) ? withoutUndefined(address) : undefined,
    documents: documents.length > 0 ? documents.map((entry) => entry.document) : undefined,
    programmeCode: value('programme')?.toUpperCase(),
    languages: listOf(value('languages'), /[\s,;/]+/)?.map((code) => code.toLowerCase()),
    skills: listOf(value('skills'), /[,;]+/),
    occupations: listOf(value('occupations'), /[,;]+/),
    educationLevel: value('education_level')?.toLowerCase(),
    duplicateOverride: reason ? { reason } : undefined,
  });
  const sources = new Map<string, ColumnKey>([
    ...FIELD_COLUMNS,
    ...documents.map((entry, index) => [`documents.${index}`, entry.key] as const),
  ]);
  const columnOf = (field: string): string | undefined => {
    const parts = field.split('.');
    for (let length = parts.length; length > 0; length -= 1) {
      const key = sources.get(parts.slice(0, length).join('.'));
      if (key) return layout.headers.get(key);
    }
    return undefined;
  };
  return { request, columnOf };
}

/** A birth date as `YYYY-MM-DD` from `YYYY-MM-DD` or `DD/MM/YYYY` (also `-` and `.`). */
export function dateOf(text: string): string {
  const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (french) return `${french[3]}-${french[2].padStart(2, '0')}-${french[1].padStart(2, '0')}`;
  // A date-time typed as text (or exported by another tool): the date part is what counts.
  const iso = /^(\d{4}-\d{2}-\d{2})(T[\d:.]+Z?)?$/.exec(text);
  return iso ? iso[1] : text;
}

/** An E.164 number from international or Moroccan national spellings; anything else as given. */
export function phoneOf(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const compact = text.replace(/[\s.()-]/g, '');
  if (/^00\d+$/.test(compact)) return `+${compact.slice(2)}`;
  if (/^0[5-7]\d{8}$/.test(compact)) return `+212${compact.slice(1)}`;
  // A spreadsheet that stored the number as a number dropped the leading 0 (or the +).
  if (/^[5-7]\d{8}$/.test(compact)) return `+212${compact}`;
  if (/^212[5-7]\d{8}$/.test(compact)) return `+${compact}`;
  return compact;
}

function birthOf(date: string | undefined, year: string | undefined) {
  const birthDate = date ? dateOf(date) : undefined;
  const birthYear = year && /^\d{4}$/.test(year) ? Number(year) : year;
  // Both columns filled and consistent: the year is redundant. Inconsistent ones go to validation.
  if (birthDate && birthYear !== undefined && String(birthYear) === birthDate.slice(0, 4)) {
    return { birthDate };
  }
  return { birthDate, birthYear };
}

function label(text: string | undefined, aliases: Record<string, string>): string | undefined {
  if (!text) return undefined;
  const folded = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return aliases[folded] ?? folded;
}

function listOf(text: string | undefined, separator: RegExp): string[] | undefined {
  if (!text) return undefined;
  const items = text
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
  return items.length > 0 ? [...new Set(items)] : undefined;
}

function withoutUndefined<T extends Record<string, unknown>>(object: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([, item]) => item !== undefined));
}
