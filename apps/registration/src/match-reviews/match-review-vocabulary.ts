/** Where a user was told about another institution's record (stored: wire-stable). */
export const MATCH_REVIEW_CONTEXTS = ['create', 'search', 'import-dry-run', 'import'] as const;
export type MatchReviewContext = (typeof MATCH_REVIEW_CONTEXTS)[number];
export const MATCH_REVIEW_STATUSES = ['open', 'resolved'] as const;
export type MatchReviewStatus = (typeof MATCH_REVIEW_STATUSES)[number];
