import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { defineEvent, type EventDefinition } from '../event-definition';
import {
  REFERRAL_OUTCOMES,
  REFERRAL_PRIORITIES,
  REFERRAL_STATUSES,
  REJECTION_REASONS,
  SERVICE_TYPES,
} from '../referrals/referral-vocabulary';
import type { PartnerAnswer, PartnerOutboundEvent } from './partner-bus';

/** A compact JWE: five base64url parts. */
export const COMPACT_JWE_PATTERN =
  /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * A referral as its receiving partner gets it on `partners.<code>.referrals.<event>`: the facts in
 * clear (no names, contacts or documents) and the consented personal fields in `personal`, a
 * compact JWE (RSA-OAEP-256, A256GCM) that only the partner's private key opens.
 */
export class PartnerReferralV1 {
  @IsUUID() readonly referralId: string;
  /** Pseudonymous beneficiary id. */
  @IsUUID() readonly beneficiaryId: string;
  @Matches(/^[A-Z0-9-]{2,32}$/) readonly referringOrg: string;
  @Matches(/^[A-Z0-9-]{2,32}$/) readonly receivingOrg: string;
  @IsUUID() readonly serviceId: string;
  @IsIn(SERVICE_TYPES) readonly serviceType: string;
  @IsIn(REFERRAL_PRIORITIES) readonly priority: string;
  @IsIn(REFERRAL_STATUSES) readonly status: string;
  /** Referral version this message reflects. */
  @IsInt() @Min(1) readonly version: number;
  @IsISO8601() readonly occurredAt: string;
  /** The data categories the consent covers (and `personal` holds). */
  @IsArray() @ArrayMaxSize(32) @IsString({ each: true }) readonly dataCategories: string[];
  /** The consented personal fields, encrypted to the partner; absent when nothing may travel. */
  @IsOptional() @Matches(COMPACT_JWE_PATTERN) @MaxLength(65_536) readonly personal?: string;
}

/** `partners.<code>.referrals.erasure-requested`: erase the person, then answer `erasure-done`. */
export class PartnerErasureRequestV1 {
  /** The request the partner's `erasure-done` answer names. */
  @IsUUID() readonly erasureRequestId: string;
  /** Pseudonymous id of the erased person. */
  @IsUUID() readonly beneficiaryId: string;
  /** The referrals through which the partner received the person. */
  @IsArray() @ArrayMaxSize(1000) @IsUUID('all', { each: true }) readonly referralIds: string[];
  @IsISO8601() readonly erasedAt: string;
}

/** Why the platform refused a partner's answer, sent back on `partners.<code>.referrals.notice`. */
export class PartnerNoticeV1 {
  /** `ce-id` of the refused answer. */
  @IsString() @MaxLength(200) readonly refusedEventId: string;
  /** The referral the answer named, when it named one. */
  @IsOptional() @IsUUID() readonly referralId?: string;
  /** Stable code: `invalid-headers`, `invalid-payload`, `unknown-partner`, `not-addressed-to-you`, `transition-not-allowed`, `not-found`. */
  @Matches(/^[a-z][a-z-]{2,40}$/) readonly reason: string;
  @IsString() @MaxLength(1000) readonly detail: string;
}

/** A partner's answer on `partners.<code>.responses.<answer>`; untrusted input. */
export class PartnerAnswerV1 {
  /** The referral answered; every answer but `erasure-done` names one. */
  @IsOptional() @IsUUID() readonly referralId?: string;
  /** `rejected`: the coded reason. */
  @IsOptional() @IsIn(REJECTION_REASONS) readonly reason?: string;
  /** `completed`: the coded outcome. */
  @IsOptional() @IsIn(REFERRAL_OUTCOMES) readonly outcome?: string;
  /** `redirected`: the directory service the person is sent on to. */
  @IsOptional() @IsUUID() readonly serviceId?: string;
  /** `erasure-done`: the erasure request it confirms. */
  @IsOptional() @IsUUID() readonly erasureRequestId?: string;
  /** A short note; it must not hold identity data. */
  @IsOptional() @IsString() @MaxLength(1000) readonly note?: string;
}

function outbound(
  event: Exclude<PartnerOutboundEvent, 'notice' | 'erasure-requested'>,
  description: string,
) {
  return defineEvent({
    type: `partner-referral.${event}.v1`,
    producer: 'registration',
    payload: PartnerReferralV1,
    description,
  });
}

/** Outbound message contracts by subject event; the subject itself is per partner. */
export const PARTNER_OUTBOUND_DEFINITIONS = {
  requested: outbound('requested', 'A referral addressed to the partner, with consented fields.'),
  cancelled: outbound('cancelled', 'The referrer cancelled the referral.'),
  'consent-withdrawn': outbound(
    'consent-withdrawn',
    'The consent was withdrawn or expired: the partner must stop using the data.',
  ),
} as const satisfies Record<
  Exclude<PartnerOutboundEvent, 'notice' | 'erasure-requested'>,
  EventDefinition<PartnerReferralV1>
>;

export const partnerErasureRequestedV1 = defineEvent({
  type: 'partner-referral.erasure-requested.v1',
  producer: 'registration',
  payload: PartnerErasureRequestV1,
  description: 'The person was erased: the partner must erase them and answer `erasure-done`.',
});

export const partnerNoticeV1 = defineEvent({
  type: 'partner-answer.refused.v1',
  producer: 'referrals',
  payload: PartnerNoticeV1,
  description: 'The platform refused one of the partner answers (and dead-lettered it).',
});

/** Answer contracts by subject answer: `partner-answer.<answer>.v1`. */
export const PARTNER_ANSWER_DEFINITIONS: Record<
  PartnerAnswer,
  EventDefinition<PartnerAnswerV1>
> = Object.fromEntries(
  (
    [
      'received',
      'accepted',
      'rejected',
      'redirected',
      'in-progress',
      'completed',
      'erasure-done',
    ] as const
  ).map((answer) => [
    answer,
    defineEvent({
      type: `partner-answer.${answer}.v1`,
      producer: 'referrals',
      payload: PartnerAnswerV1,
      description: `A partner answered \`${answer}\`.`,
    }),
  ]),
) as Record<PartnerAnswer, EventDefinition<PartnerAnswerV1>>;
