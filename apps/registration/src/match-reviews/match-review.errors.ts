import { defineErrorFamily, type DomainErrorOptions } from '@mrm/errors';

export type MatchReviewErrorCode =
  'MATCH_REVIEW_NOT_FOUND' | 'MATCH_REVIEW_ALREADY_RESOLVED' | 'PROBING_RATE_LIMITED';

export const MatchReviewError = defineErrorFamily<MatchReviewErrorCode>('registration', {
  MATCH_REVIEW_NOT_FOUND: { status: 404, title: 'Match review not found' },
  MATCH_REVIEW_ALREADY_RESOLVED: { status: 409, title: 'The match review was already resolved' },
  PROBING_RATE_LIMITED: {
    status: 429,
    title: 'Too many answers about other institutions’ records; try again later',
  },
});

/** 429 with the seconds until the oldest counted answer leaves the window (`Retry-After`). */
export function probingRateLimited(retryAfterSeconds: number, options?: DomainErrorOptions) {
  return Object.assign(new MatchReviewError('PROBING_RATE_LIMITED', options), {
    retryAfterSeconds,
  });
}
