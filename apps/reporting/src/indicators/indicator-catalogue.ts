/**
 * The indicator catalogue as data: what reporting can answer, in French, Arabic and English, with
 * the disaggregations each indicator supports and the donor-report section it belongs to. The
 * catalogue endpoint, the query service, the exports and the donor report all read this one list.
 */

/** Disaggregations common to every person-level indicator (issue 16's list). */
export const PERSON_DIMENSIONS = [
  'sex',
  'ageBand',
  'nationality',
  'category',
  'region',
  'programme',
  'institution',
  'period',
] as const;

/** Disaggregations that belong to one family of indicators only. */
export const SPECIFIC_DIMENSIONS = [
  'courseKind',
  'projectKind',
  'sector',
  'serviceType',
  'partner',
  'status',
  'scoreDimension',
] as const;

export const DIMENSIONS = [...PERSON_DIMENSIONS, ...SPECIFIC_DIMENSIONS] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Age bands at the time of the event. */
export const AGE_BANDS = ['0-17', '18-24', '25-34', '35-49', '50+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const INDICATOR_UNITS = ['count', 'share', 'MAD', 'days', 'score'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

export const REPORT_SECTIONS = [
  'people',
  'training',
  'projects',
  'referrals',
  'sustainability',
] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export interface Labels {
  readonly fr: string;
  readonly ar: string;
  readonly en: string;
}

export interface IndicatorDefinition {
  readonly id: string;
  readonly labels: Labels;
  readonly definition: { readonly fr: string; readonly en: string };
  readonly unit: IndicatorUnit;
  readonly disaggregations: readonly Dimension[];
  readonly section: ReportSection;
}

const PEOPLE = PERSON_DIMENSIONS;
const COURSES = ['courseKind', 'region', 'programme', 'institution', 'period'] as const;
const PARTICIPANTS = [...PERSON_DIMENSIONS, 'courseKind'] as const;
const PROJECTS = ['projectKind', 'sector', 'region', 'programme', 'institution', 'period'] as const;
const REFERRALS = [
  ...PERSON_DIMENSIONS,
  'serviceType',
  'partner',
  'status',
] as const satisfies readonly Dimension[];

/** Every indicator, in the order of the donor report. Ids are stable: exports and links use them. */
export const INDICATOR_CATALOGUE = [
  {
    id: 'beneficiaries-registered',
    labels: {
      fr: 'Bénéficiaires enregistrés',
      ar: 'المستفيدون المسجلون',
      en: 'Beneficiaries registered',
    },
    definition: {
      fr: 'Personnes enregistrées dans la période (doublons fusionnés exclus).',
      en: 'People registered in the period (merged duplicates excluded).',
    },
    unit: 'count',
    disaggregations: PEOPLE,
    section: 'people',
  },
  {
    id: 'beneficiaries-active',
    labels: { fr: 'Bénéficiaires actifs', ar: 'المستفيدون النشطون', en: 'Active beneficiaries' },
    definition: {
      fr: 'Personnes enregistrées avant la fin de la période et non clôturées à cette date.',
      en: 'People registered before the end of the period and not closed by then.',
    },
    unit: 'count',
    disaggregations: PEOPLE,
    section: 'people',
  },
  {
    id: 'beneficiaries-closed',
    labels: { fr: 'Dossiers clôturés', ar: 'الملفات المغلقة', en: 'Beneficiaries closed' },
    definition: {
      fr: 'Dossiers clôturés dans la période (et non rouverts depuis).',
      en: 'Files closed in the period (and not reopened since).',
    },
    unit: 'count',
    disaggregations: PEOPLE,
    section: 'people',
  },
  {
    id: 'people-trained',
    labels: { fr: 'Personnes formées', ar: 'الأشخاص المكوَّنون', en: 'People trained' },
    definition: {
      fr: 'Personnes distinctes ayant achevé une formation dans la période.',
      en: 'Distinct people who completed a course in the period.',
    },
    unit: 'count',
    disaggregations: PARTICIPANTS,
    section: 'training',
  },
  {
    id: 'training-completion-rate',
    labels: { fr: 'Taux d’achèvement', ar: 'معدل إتمام التكوين', en: 'Training completion rate' },
    definition: {
      fr: 'Inscriptions achevées avec succès / inscriptions terminées dans la période.',
      en: 'Enrolments completed successfully / enrolments ended in the period.',
    },
    unit: 'share',
    disaggregations: PARTICIPANTS,
    section: 'training',
  },
  {
    id: 'training-satisfaction-rate',
    labels: { fr: 'Taux de satisfaction', ar: 'معدل الرضا', en: 'Training satisfaction rate' },
    definition: {
      fr: 'Réponses avec une note globale de 4 ou 5 sur 5 / réponses reçues dans la période.',
      en: 'Responses rating the course 4 or 5 out of 5 overall / responses received in the period.',
    },
    unit: 'share',
    disaggregations: COURSES,
    section: 'training',
  },
  {
    id: 'plans-approved-within-30-days',
    labels: {
      fr: 'Plans approuvés sous 30 jours',
      ar: 'الخطط المعتمدة خلال 30 يوما',
      en: 'Plans approved within 30 days',
    },
    definition: {
      fr: 'Plans de réintégration approuvés dans les 30 jours du retour / plans approuvés.',
      en: 'Reintegration plans approved within 30 days of return / plans approved.',
    },
    unit: 'share',
    disaggregations: PEOPLE,
    section: 'projects',
  },
  {
    id: 'projects',
    labels: { fr: 'Projets', ar: 'المشاريع', en: 'Projects' },
    definition: {
      fr: 'Projets créés dans la période, par type et secteur.',
      en: 'Projects created in the period, by kind and sector.',
    },
    unit: 'count',
    disaggregations: PROJECTS,
    section: 'projects',
  },
  {
    id: 'cooperatives-legally-registered',
    labels: {
      fr: 'Coopératives légalement constituées',
      ar: 'التعاونيات المسجلة قانونيا',
      en: 'Cooperatives legally registered',
    },
    definition: {
      fr: 'Projets collectifs ayant atteint la dernière étape de leur chaîne légale dans la période.',
      en: 'Collective projects that reached the last milestone of their legal chain in the period.',
    },
    unit: 'count',
    disaggregations: PROJECTS,
    section: 'projects',
  },
  {
    id: 'grants-disbursed',
    labels: { fr: 'Subventions versées', ar: 'المنح المصروفة', en: 'Grants disbursed' },
    definition: {
      fr: 'Montant des tranches versées dans la période, en dirhams.',
      en: 'Amount of the tranches paid in the period, in dirhams.',
    },
    unit: 'MAD',
    disaggregations: PROJECTS,
    section: 'projects',
  },
  ...([3, 6, 12] as const).map((months) => ({
    id: `project-survival-${months}m`,
    labels: {
      fr: `Projets en activité à ${months} mois`,
      ar: `المشاريع العاملة بعد ${months} أشهر`,
      en: `Projects operating at ${months} months`,
    },
    definition: {
      fr: `Projets dont la visite de suivi à ${months} mois constate l’activité / projets visités à ${months} mois.`,
      en: `Projects whose ${months}-month follow-up visit found them running / projects visited at ${months} months.`,
    },
    unit: 'share' as const,
    disaggregations: PROJECTS,
    section: 'sustainability' as const,
  })),
  {
    id: 'visits-overdue',
    labels: { fr: 'Visites en retard', ar: 'الزيارات المتأخرة', en: 'Visits overdue' },
    definition: {
      fr: 'Visites de suivi passées en retard dans la période et non encore effectuées.',
      en: 'Follow-up visits that fell overdue in the period and are not yet recorded.',
    },
    unit: 'count',
    disaggregations: PROJECTS,
    section: 'sustainability',
  },
  {
    id: 'sustainability-score',
    labels: {
      fr: 'Score moyen de durabilité',
      ar: 'متوسط مؤشر الاستدامة',
      en: 'Mean sustainability score',
    },
    definition: {
      fr: 'Moyenne des scores (0 à 1) des enquêtes notées dans la période, par dimension.',
      en: 'Mean of the scores (0 to 1) of the surveys scored in the period, by dimension.',
    },
    unit: 'score',
    disaggregations: [...PERSON_DIMENSIONS, 'scoreDimension'],
    section: 'sustainability',
  },
  {
    id: 'referrals',
    labels: { fr: 'Orientations', ar: 'الإحالات', en: 'Referrals' },
    definition: {
      fr: 'Orientations envoyées dans la période, par type de service, partenaire et statut actuel.',
      en: 'Referrals sent in the period, by service type, partner and current status.',
    },
    unit: 'count',
    disaggregations: REFERRALS,
    section: 'referrals',
  },
  {
    id: 'referral-acceptance-rate',
    labels: { fr: 'Taux d’acceptation', ar: 'معدل قبول الإحالات', en: 'Referral acceptance rate' },
    definition: {
      fr: 'Orientations acceptées / orientations ayant reçu une réponse.',
      en: 'Referrals accepted / referrals answered.',
    },
    unit: 'share',
    disaggregations: REFERRALS,
    section: 'referrals',
  },
  {
    id: 'referral-median-days-to-acknowledge',
    labels: {
      fr: 'Délai médian d’accusé de réception',
      ar: 'الأجل الوسيط للإشعار بالاستلام',
      en: 'Median time to acknowledge',
    },
    definition: {
      fr: 'Médiane, en jours, entre l’envoi et l’accusé de réception.',
      en: 'Median, in days, from sending to acknowledgement.',
    },
    unit: 'days',
    disaggregations: REFERRALS,
    section: 'referrals',
  },
  {
    id: 'referral-median-days-to-answer',
    labels: {
      fr: 'Délai médian de réponse',
      ar: 'الأجل الوسيط للرد',
      en: 'Median time to answer',
    },
    definition: {
      fr: 'Médiane, en jours, entre l’envoi et la réponse (acceptation, refus ou réorientation).',
      en: 'Median, in days, from sending to the answer (accepted, rejected or redirected).',
    },
    unit: 'days',
    disaggregations: REFERRALS,
    section: 'referrals',
  },
  {
    id: 'referrals-answered-within-deadline',
    labels: {
      fr: 'Orientations traitées dans les délais',
      ar: 'الإحالات المجاب عنها في الأجل',
      en: 'Referrals answered within the deadline',
    },
    definition: {
      fr: 'Orientations envoyées ayant reçu une réponse avant l’échéance / orientations envoyées.',
      en: 'Referrals sent that were answered before their deadline / referrals sent.',
    },
    unit: 'share',
    disaggregations: REFERRALS,
    section: 'referrals',
  },
  {
    id: 'referrals-closed-loop',
    labels: {
      fr: 'Orientations avec résultat rapporté',
      ar: 'الإحالات المبلغ عن نتيجتها',
      en: 'Referrals with an outcome reported',
    },
    definition: {
      fr: 'Orientations acceptées dont le partenaire a rapporté un résultat / orientations acceptées.',
      en: 'Accepted referrals whose partner reported an outcome / accepted referrals.',
    },
    unit: 'share',
    disaggregations: REFERRALS,
    section: 'referrals',
  },
  {
    id: 'referral-escalations',
    labels: { fr: 'Escalades', ar: 'التصعيدات', en: 'Escalations' },
    definition: {
      fr: 'Orientations dont une échéance a été manquée (escaladées aux coordinateurs).',
      en: 'Referrals that missed a deadline (escalated to the coordinators).',
    },
    unit: 'count',
    disaggregations: REFERRALS,
    section: 'referrals',
  },
] as const satisfies readonly IndicatorDefinition[];

export type IndicatorId = (typeof INDICATOR_CATALOGUE)[number]['id'];

export const INDICATOR_IDS: readonly IndicatorId[] = INDICATOR_CATALOGUE.map(
  (indicator) => indicator.id,
);

export function findIndicator(id: string): IndicatorDefinition | undefined {
  return (INDICATOR_CATALOGUE as readonly IndicatorDefinition[]).find(
    (indicator) => indicator.id === id,
  );
}
