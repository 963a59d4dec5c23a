import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An event waiting to be (or already) published; written in the business transaction. */
@Entity({ name: 'outbox_message' })
@Index('outbox_message_unpublished_idx', ['occurredAt'], { where: 'published_at IS NULL' })
@Index('outbox_message_published_at_idx', ['publishedAt'], { where: 'published_at IS NOT NULL' })
export class OutboxMessageEntity {
  /** The event id: CloudEvents `id`, JetStream `Nats-Msg-Id`. */
  @PrimaryColumn('uuid') id: string;
  @Column('text') type: string;
  /** Contract subject, without deployment namespace. */
  @Column('text') subject: string;
  /** The whole envelope (attributes and data). */
  @Column('jsonb') payload: Record<string, unknown>;
  @Column('timestamptz') occurredAt: Date;
  @Column('timestamptz', { nullable: true }) publishedAt: Date | null;
  @Column('int', { default: 0 }) attempts: number;
  @Column('text', { nullable: true }) lastError: string | null;
  /** Earliest time the relay may try again after a failure. */
  @Column('timestamptz', { default: () => 'now()' }) availableAt: Date;
}
