/**
 * Names of the partner bus (ARCHITECTURE.md §6, docs/partners.md): each partner institution with
 * its own system reads `partners.<code>.referrals.>` through one durable consumer and answers on
 * `partners.<code>.responses.<answer>`. These names are public API for the institutions.
 */

/** A partner's token on the bus: a NATS subject token, the lowercase institution code. */
export const PARTNER_BUS_CODE_PATTERN = /^[a-z][a-z0-9-]{1,31}$/;

/** Stream of outbound messages to partners (owned by referrals, written by registration). */
export const PARTNERS_STREAM = 'PARTNERS';
/** Stream of the partners' answers (owned and consumed by referrals). */
export const PARTNER_RESPONSES_STREAM = 'PARTNER_RESPONSES';

/** What travels to a partner: a referral, a later change concerning it, or a refusal notice. */
export const PARTNER_OUTBOUND_EVENTS = [
  'requested',
  'cancelled',
  'consent-withdrawn',
  'erasure-requested',
  'notice',
] as const;
export type PartnerOutboundEvent = (typeof PARTNER_OUTBOUND_EVENTS)[number];

/** A partner's answers, each mapped onto the referral workflow by the referrals service. */
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

/** The bus code of an institution code (`ANAPEC` → `anapec`), or undefined if it cannot be one. */
export function partnerBusCodeOf(org: string): string | undefined {
  const code = org.toLowerCase();
  return PARTNER_BUS_CODE_PATTERN.test(code) ? code : undefined;
}

/** `partners.<code>.referrals.<event>`, without deployment namespace. */
export function partnerReferralSubject(code: string, event: PartnerOutboundEvent): string {
  return `partners.${code}.referrals.${event}`;
}

/** `partners.<code>.responses.<answer>`, without deployment namespace. */
export function partnerResponseSubject(code: string, answer: PartnerAnswer): string {
  return `partners.${code}.responses.${answer}`;
}

/** The code and last token of a partner subject (namespace already removed), if it is one. */
export function parsePartnerSubject(
  subject: string,
): { code: string; direction: 'referrals' | 'responses'; name: string } | undefined {
  const tokens = subject.split('.');
  if (tokens.length !== 4 || tokens[0] !== 'partners') return undefined;
  const [, code, direction, name] = tokens;
  if (!PARTNER_BUS_CODE_PATTERN.test(code)) return undefined;
  if (direction !== 'referrals' && direction !== 'responses') return undefined;
  return { code, direction, name };
}
