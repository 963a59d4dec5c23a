/** The `DeadlinePolicy` built from `REFERRALS_DEADLINES` at start-up. */
export const DEADLINE_POLICY = Symbol('DEADLINE_POLICY');
