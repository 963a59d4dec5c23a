import { REGIONS } from '@mrm/contracts';
import type { Dimension, Labels } from './indicator-catalogue';

// Labels of the codes a reader meets most; other codes (institutions, programmes, sectors,
// partners, periods) are shown as they are.
const LABELS: Partial<Record<Dimension, Record<string, Labels>>> = {
  sex: {
    female: { fr: 'Femmes', ar: 'نساء', en: 'Women' },
    male: { fr: 'Hommes', ar: 'رجال', en: 'Men' },
  },
  category: {
    'returning-moroccan': {
      fr: 'Marocains de retour',
      ar: 'المغاربة العائدون',
      en: 'Returning Moroccans',
    },
    'foreign-avrr': {
      fr: 'Étrangers en retour volontaire',
      ar: 'الأجانب في إطار العودة الطوعية',
      en: 'Foreigners in assisted voluntary return',
    },
    'regularised-immigrant': {
      fr: 'Immigrés régularisés',
      ar: 'المهاجرون المسوّاة وضعيتهم',
      en: 'Regularised immigrants',
    },
    'moroccan-abroad': {
      fr: 'Marocains du monde',
      ar: 'مغاربة العالم',
      en: 'Moroccans abroad',
    },
    'labour-migration-candidate': {
      fr: 'Candidats à la migration de travail',
      ar: 'المرشحون لهجرة العمل',
      en: 'Labour migration candidates',
    },
  },
  ageBand: {
    '0-17': { fr: '0 à 17 ans', ar: 'من 0 إلى 17 سنة', en: '0 to 17' },
    '18-24': { fr: '18 à 24 ans', ar: 'من 18 إلى 24 سنة', en: '18 to 24' },
    '25-34': { fr: '25 à 34 ans', ar: 'من 25 إلى 34 سنة', en: '25 to 34' },
    '35-49': { fr: '35 à 49 ans', ar: 'من 35 إلى 49 سنة', en: '35 to 49' },
    '50+': { fr: '50 ans et plus', ar: '50 سنة فما فوق', en: '50 and over' },
  },
  region: Object.fromEntries(
    REGIONS.map((region) => [region.code, { fr: region.fr, ar: region.ar, en: region.fr }]),
  ),
  projectKind: {
    individual: { fr: 'Individuel', ar: 'فردي', en: 'Individual' },
    collective: {
      fr: 'Collectif (coopérative)',
      ar: 'جماعي (تعاونية)',
      en: 'Collective (cooperative)',
    },
    community: { fr: 'Communautaire', ar: 'مجتمعي', en: 'Community' },
  },
  scoreDimension: {
    economic: { fr: 'Économique', ar: 'اقتصادي', en: 'Economic' },
    social: { fr: 'Sociale', ar: 'اجتماعي', en: 'Social' },
    psychosocial: { fr: 'Psychosociale', ar: 'نفسي اجتماعي', en: 'Psychosocial' },
    composite: { fr: 'Composite', ar: 'مركب', en: 'Composite' },
  },
};

const UNKNOWN: Labels = { fr: 'Non renseigné', ar: 'غير محدد', en: 'Not recorded' };

/** The label of a code of a dimension, in three languages, or the code itself. */
export function labelOf(dimension: Dimension, code: string): Labels | string {
  if (code === 'none') return UNKNOWN;
  return LABELS[dimension]?.[code] ?? code;
}
