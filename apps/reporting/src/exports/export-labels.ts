import type { IndicatorGroup } from '../indicators/indicator-answer';
import type {
  Dimension,
  IndicatorUnit,
  Labels,
  ReportSection,
} from '../indicators/indicator-catalogue';

/** French and English, the two languages of the donor documents. */
export type ExportLanguage = 'fr' | 'en';
type Bilingual = Readonly<Record<ExportLanguage, string>>;

export const DIMENSION_NAMES: Readonly<Record<Dimension, Bilingual>> = {
  sex: { fr: 'Sexe', en: 'Sex' },
  ageBand: { fr: "Tranche d'âge", en: 'Age band' },
  nationality: { fr: 'Nationalité', en: 'Nationality' },
  category: { fr: 'Catégorie', en: 'Category' },
  region: { fr: 'Région', en: 'Region' },
  programme: { fr: 'Programme', en: 'Programme' },
  institution: { fr: 'Institution', en: 'Institution' },
  period: { fr: 'Période', en: 'Period' },
  courseKind: { fr: 'Type de formation', en: 'Course kind' },
  projectKind: { fr: 'Type de projet', en: 'Project kind' },
  sector: { fr: 'Secteur', en: 'Sector' },
  serviceType: { fr: 'Type de service', en: 'Service type' },
  partner: { fr: 'Partenaire', en: 'Partner' },
  status: { fr: 'Statut', en: 'Status' },
  scoreDimension: { fr: 'Dimension', en: 'Dimension' },
};

export const SECTION_NAMES: Readonly<Record<ReportSection, Bilingual>> = {
  people: { fr: 'Personnes', en: 'People' },
  training: { fr: 'Formation', en: 'Training' },
  projects: { fr: 'Projets', en: 'Projects' },
  referrals: { fr: 'Référencement', en: 'Referrals' },
  sustainability: { fr: 'Durabilité', en: 'Sustainability' },
};

export const UNIT_NAMES: Readonly<Record<IndicatorUnit, Bilingual>> = {
  count: { fr: 'nombre', en: 'count' },
  share: { fr: 'part', en: 'share' },
  MAD: { fr: 'MAD', en: 'MAD' },
  days: { fr: 'jours', en: 'days' },
  score: { fr: 'score (0 à 1)', en: 'score (0 to 1)' },
};

/** What a suppressed cell shows instead of its figure. */
export const SUPPRESSED: Bilingual = { fr: 'supprimé', en: 'suppressed' };
export const SUPPRESSED_BOTH = `${SUPPRESSED.fr} / ${SUPPRESSED.en}`;
export const TOTAL: Bilingual = { fr: 'Total', en: 'Total' };

/** A code's label in one language (a bare code is its own label). */
export function labelIn(label: Labels | string | undefined, language: ExportLanguage): string {
  if (label === undefined) return '';
  return typeof label === 'string' ? label : label[language];
}

/** "Femmes · 25 à 34 ans" for a group of a two-way query; "Total" for the total. */
export function groupLabel(
  group: Pick<IndicatorGroup, 'labels' | 'keys'> | undefined,
  groupBy: readonly Dimension[],
  language: ExportLanguage,
): string {
  if (!group) return TOTAL[language];
  return groupBy
    .map((dimension) => labelIn(group.labels[dimension] ?? group.keys[dimension], language))
    .join(' · ');
}

/** A figure as people read it: shares in percent, money with centimes, days to a tenth. */
export function formatValue(value: number | null, unit: IndicatorUnit): string {
  if (value === null) return '—';
  switch (unit) {
    case 'count':
      return String(Math.round(value));
    case 'share':
      return `${(value * 100).toFixed(1)} %`;
    case 'MAD':
      return `${value.toFixed(2)} MAD`;
    case 'days':
      return value.toFixed(1);
    case 'score':
      return value.toFixed(3);
  }
}
