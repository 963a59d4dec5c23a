import type { ReferralStatus } from '@mrm/contracts';

/** Which end of a referral may take an action. */
export type ReferralSide = 'referrer' | 'receiver';

/** The FHIR Task state machine: each action, the statuses it starts from, where it leads. */
export const REFERRAL_ACTIONS = {
  submit: { from: ['draft'], to: 'requested', side: 'referrer' },
  acknowledge: { from: ['requested'], to: 'received', side: 'receiver' },
  accept: { from: ['received'], to: 'accepted', side: 'receiver' },
  reject: { from: ['received'], to: 'rejected', side: 'receiver' },
  // The redirected referral ends as rejected; the linked one carries the person on.
  redirect: { from: ['received'], to: 'rejected', side: 'receiver' },
  start: { from: ['accepted'], to: 'in-progress', side: 'receiver' },
  complete: { from: ['in-progress'], to: 'completed', side: 'receiver' },
  fail: { from: ['accepted', 'in-progress'], to: 'failed', side: 'receiver' },
  cancel: {
    from: ['draft', 'requested', 'received', 'accepted', 'in-progress', 'on-hold'],
    to: 'cancelled',
    side: 'referrer',
  },
} as const satisfies Record<
  string,
  { from: readonly ReferralStatus[]; to: ReferralStatus; side: ReferralSide }
>;

export type ReferralAction = keyof typeof REFERRAL_ACTIONS;

/** Statuses in which the receiving institution holds the person's data under the consent. */
export const OPEN_STATUSES: readonly ReferralStatus[] = [
  'requested',
  'received',
  'accepted',
  'in-progress',
];

/** Statuses after which nothing more happens to a referral. */
export const CLOSED_STATUSES: readonly ReferralStatus[] = [
  'rejected',
  'completed',
  'failed',
  'cancelled',
];
