/** One of the 12 regions of décret 2-15-40 with its official labels. */
export interface Region {
  readonly code: string;
  readonly fr: string;
  readonly ar: string;
}

export const REGIONS: readonly Region[] = [
  { code: '01', fr: 'Tanger-Tétouan-Al Hoceïma', ar: 'طنجة تطوان الحسيمة' },
  { code: '02', fr: "L'Oriental", ar: 'الشرق' },
  { code: '03', fr: 'Fès-Meknès', ar: 'فاس مكناس' },
  { code: '04', fr: 'Rabat-Salé-Kénitra', ar: 'الرباط سلا القنيطرة' },
  { code: '05', fr: 'Béni Mellal-Khénifra', ar: 'بني ملال خنيفرة' },
  { code: '06', fr: 'Casablanca-Settat', ar: 'الدار البيضاء سطات' },
  { code: '07', fr: 'Marrakech-Safi', ar: 'مراكش آسفي' },
  { code: '08', fr: 'Drâa-Tafilalet', ar: 'درعة تافيلالت' },
  { code: '09', fr: 'Souss-Massa', ar: 'سوس ماسة' },
  { code: '10', fr: 'Guelmim-Oued Noun', ar: 'كلميم واد نون' },
  { code: '11', fr: 'Laâyoune-Sakia El Hamra', ar: 'العيون الساقية الحمراء' },
  { code: '12', fr: 'Dakhla-Oued Ed-Dahab', ar: 'الداخلة وادي الذهب' },
];

export const REGION_CODES = REGIONS.map((region) => region.code);

// Folds accents, case, punctuation and the article so "Beni-Mellal Khenifra" finds "05".
function foldLabel(label: string): string {
  return label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/^l['’]\s*/, '')
    .replace(/[^a-z0-9\u0600-\u06ff]+/g, '');
}

const BY_FOLDED_LABEL = new Map<string, string>();
for (const region of REGIONS) {
  BY_FOLDED_LABEL.set(foldLabel(region.fr), region.code);
  BY_FOLDED_LABEL.set(foldLabel(region.ar), region.code);
}
// Common spellings found in the programmes' spreadsheets.
const VARIANTS: Record<string, string> = {
  tangertetouanalhoceima: '01',
  oriental: '02',
  fesmeknes: '03',
  rabatsalekenitra: '04',
  benimellalkhenifra: '05',
  casablancasettat: '06',
  grandcasablancasettat: '06',
  marrakechsafi: '07',
  marrakeshsafi: '07',
  draatafilalet: '08',
  soussmassa: '09',
  guelmimouednoun: '10',
  laayounesakiaelhamra: '11',
  dakhlaouededdahab: '12',
};
for (const [variant, code] of Object.entries(VARIANTS)) {
  BY_FOLDED_LABEL.set(variant, code);
}

/** Resolves a code ("5", "05") or a French/Arabic label in any common spelling to its code. */
export function resolveRegionCode(input: string): string | undefined {
  const trimmed = input.trim();
  if (/^\d{1,2}$/.test(trimmed)) {
    const code = trimmed.padStart(2, '0');
    return REGION_CODES.includes(code) ? code : undefined;
  }
  return BY_FOLDED_LABEL.get(foldLabel(trimmed));
}
