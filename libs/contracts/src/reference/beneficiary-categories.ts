/** The five beneficiary categories of the mechanism (DOMAIN.md). Wire values: never rename. */
export const BENEFICIARY_CATEGORIES = [
  'returning-moroccan',
  'foreign-avrr',
  'regularised-immigrant',
  'moroccan-abroad',
  'labour-migration-candidate',
] as const;
export type BeneficiaryCategory = (typeof BENEFICIARY_CATEGORIES)[number];

export const SEXES = ['female', 'male'] as const;
export type Sex = (typeof SEXES)[number];
