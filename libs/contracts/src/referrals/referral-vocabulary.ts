/** Kinds of partner institution (Open Referral HSDS organisation types, local). Wire values. */
export const PARTNER_KINDS = [
  'ministry',
  'agency',
  'ngo',
  'international-organisation',
  'private',
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/** The service catalogue a referral asks for. Wire values: never rename. */
export const SERVICE_TYPES = [
  'employment',
  'vocational-training',
  'psychosocial-support',
  'legal-aid',
  'documentation',
  'health',
  'housing',
  'education',
  'microfinance',
  'business-support',
  'shelter',
  'family-tracing',
  'other',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

/** Referral priorities; each has its own deadlines. */
export const REFERRAL_PRIORITIES = ['emergency', 'urgent', 'normal'] as const;
export type ReferralPriority = (typeof REFERRAL_PRIORITIES)[number];

/** Referral status, the HL7 FHIR Task vocabulary (`on-hold` while consent is missing). */
export const REFERRAL_STATUSES = [
  'draft',
  'requested',
  'received',
  'accepted',
  'rejected',
  'in-progress',
  'completed',
  'failed',
  'cancelled',
  'on-hold',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Why a receiving institution declined a referral. */
export const REJECTION_REASONS = [
  'ineligible',
  'no-capacity',
  'declined-by-beneficiary',
  'inappropriate',
  'other',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** What the receiving institution reports at the end of a referral. */
export const REFERRAL_OUTCOMES = [
  'service-provided',
  'partially-provided',
  'beneficiary-withdrew',
  'other',
] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

/** The two deadlines of a referral. */
export const DEADLINE_KINDS = ['acknowledgement', 'answer'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
