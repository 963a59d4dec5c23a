/** Headers added to a dead letter, beside the original message's own. */
export const DeadLetterHeaders = {
  reason: 'dlq-reason',
  error: 'dlq-error',
  consumer: 'dlq-consumer',
  stream: 'dlq-origin-stream',
  sequence: 'dlq-origin-seq',
  subject: 'dlq-origin-subject',
  deliveries: 'dlq-deliveries',
  failedAt: 'dlq-failed-at',
} as const;

/** Why a message was dead-lettered; stable values an operator can filter on. */
export type DeadLetterReason =
  | 'undecodable'
  | 'unknown-type'
  | 'subject-mismatch'
  | 'invalid-payload'
  | 'rejected'
  | 'deliveries-exhausted';
