import type { Producer } from '@mrm/contracts';

/** Everything the backbone needs to know about the service it runs in. */
export interface MessagingOptions {
  /** The service's name: its durable consumers are named after it. */
  readonly service: Producer;
  readonly natsUrl: string;
  /** Optional NATS user credentials (production). */
  readonly natsUser?: string;
  readonly natsPassword?: string;
  /**
   * Subject prefix of the connection's reply inboxes (JetStream API replies, pulled messages).
   * A NATS user may subscribe under its own prefix only (libs/nats-authorization); unset keeps the
   * client's default `_INBOX`.
   */
  readonly natsInboxPrefix?: string;
  /** CA certificate (PEM file) that the server's TLS certificate must chain to (`tls://` URLs). */
  readonly natsTlsCaFile?: string;
  /** Prefix of every subject and stream name; empty in production, unique per test file. */
  readonly namespace: string;
  readonly streamReplicas: number;
  readonly streamMaxAgeDays: number;
  /** Deliveries a message gets before it is dead-lettered. */
  readonly maxDeliver: number;
  /** How long the server waits for an ack before redelivering (handlers call working() to extend). */
  readonly ackWaitMs: number;
  /** Delay before the first retry of a failed handler; doubles per delivery up to `maxBackoffMs`. */
  readonly baseBackoffMs: number;
  readonly maxBackoffMs: number;
  /** Messages one consumer processes at once (each in its own transaction). */
  readonly concurrency: number;
  /** Fallback poll of the outbox when no NOTIFY arrives. */
  readonly outboxPollIntervalMs: number;
  readonly outboxBatchSize: number;
  /** Published outbox rows are kept this long (for inspection), then deleted. */
  readonly outboxRetentionDays: number;
  /** Inbox rows (consumer idempotency) are kept this long, then deleted. */
  readonly inboxRetentionDays: number;
  /** Time between two prunings of both tables; 0 stops them. */
  readonly pruneIntervalMs: number;
  /** Rows deleted per statement. */
  readonly pruneBatchSize: number;
}
