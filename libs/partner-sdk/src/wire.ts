/**
 * The partner bus as a partner institution sees it (docs/partners.md). Self-contained so that the
 * SDK is publishable on its own; a unit test keeps these names equal to the platform's contracts.
 */

export const PARTNERS_STREAM = 'PARTNERS';

/** Answers a partner may give, each its subject's last token and type `partner-answer.<a>.v1`. */
export const PARTNER_ANSWERS = [
  'received',
  'accepted',
  'rejected',
  'redirected',
  'in-progress',
  'completed',
  'erasure-done',
] as const;
export type PartnerAnswer = (typeof PARTNER_ANSWERS)[number];

/** What arrives on `partners.<code>.referrals.<event>`. */
export type PartnerEvent =
  'requested' | 'cancelled' | 'consent-withdrawn' | 'erasure-requested' | 'notice';

/** Coded reasons of a rejection (the platform's vocabulary). */
export const REJECTION_REASONS = [
  'ineligible',
  'no-capacity',
  'declined-by-beneficiary',
  'inappropriate',
  'other',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** Coded outcomes of a completed referral. */
export const REFERRAL_OUTCOMES = [
  'service-provided',
  'partially-provided',
  'beneficiary-withdrew',
  'other',
] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

/** The referral's facts, in clear on the bus (no names, contacts or documents). */
export interface ReferralFacts {
  readonly referralId: string;
  readonly beneficiaryId: string;
  readonly referringOrg: string;
  readonly receivingOrg: string;
  readonly serviceId: string;
  readonly serviceType: string;
  readonly priority: string;
  readonly status: string;
  readonly version: number;
  readonly occurredAt: string;
  readonly dataCategories: string[];
  /** The compact JWE of the consented fields (decrypted by the SDK into `person`). */
  readonly personal?: string;
}

/** The consented personal fields, once decrypted: only the shared categories are present. */
export interface ConsentedPerson {
  readonly id: string;
  readonly category: string;
  readonly regionCode: string;
  readonly dataCategories: string[];
  readonly names?: unknown;
  readonly sex?: string;
  readonly birthDate?: string | null;
  readonly nationality?: string;
  readonly phone?: string | null;
  readonly address?: unknown;
  readonly documents?: unknown[];
  readonly links?: unknown[];
  readonly vulnerabilities?: string[];
  readonly skills?: string[];
  readonly languages?: string[];
  readonly educationLevel?: string | null;
  readonly programmeCode?: string | null;
}

export interface ErasureRequest {
  readonly erasureRequestId: string;
  readonly beneficiaryId: string;
  readonly referralIds: string[];
  readonly erasedAt: string;
}

export interface RefusalNotice {
  readonly refusedEventId: string;
  readonly referralId?: string;
  readonly reason: string;
  readonly detail: string;
}

/** Namespaced subject (tests put a prefix in front; production has none). */
export function subjectIn(namespace: string, subject: string): string {
  return namespace ? `${namespace}.${subject}` : subject;
}

/** Namespaced stream name. */
export function streamIn(namespace: string, stream: string): string {
  return namespace ? `${namespace.toUpperCase()}_${stream}` : stream;
}
