/** Stable codes of a refused partner answer: the dead letter's error and the notice's reason. */
export type PartnerRefusalReason =
  | 'invalid-subject'
  | 'invalid-headers'
  | 'invalid-payload'
  | 'unknown-partner'
  | 'not-found'
  | 'not-addressed-to-you'
  | 'transition-not-allowed';

/** Thrown inside the answer's transaction to roll it back and refuse the answer. */
export class PartnerRefusal extends Error {
  constructor(
    readonly reason: PartnerRefusalReason,
    readonly detail: string,
    readonly referralId?: string,
  ) {
    super(`${reason}: ${detail}`);
  }
}
