/** The assistance catalogue and assessment vocabularies (permanent names: database and wire). */
export const ASSISTANCE_ITEMS = [
  'cash-on-arrival',
  'in-kind-business-support',
  'individual-grant',
  'collective-project',
  'business-training',
  'vocational-training',
  'job-placement',
  'psychosocial-support',
  'medical',
  'housing',
  'education',
  'legal-and-documentation',
  'mentoring',
] as const;

export const ECONOMIC_NEEDS = ['income', 'employment', 'business-start', 'debt', 'food'] as const;
export const SOCIAL_NEEDS = ['housing', 'education', 'documents', 'health-care', 'family'] as const;
export const PSYCHOSOCIAL_NEEDS = ['counselling', 'peer-support', 'specialised-care'] as const;
// Flags only, never the details: those stay in registration under its protection rules.
export const VULNERABILITIES = [
  'single-parent',
  'disability',
  'chronic-illness',
  'survivor-of-violence',
  'unaccompanied-minor',
  'elderly',
] as const;
export const SKILLS = [
  'agriculture',
  'handicraft',
  'construction',
  'commerce',
  'catering',
  'transport',
  'it',
  'languages',
  'sewing',
  'mechanics',
] as const;

export const PLAN_STATUSES = ['draft', 'approved'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
