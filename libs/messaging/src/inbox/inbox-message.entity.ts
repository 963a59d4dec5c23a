import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One event a consumer has applied; the row is written in the same transaction as the effect. */
@Entity({ name: 'inbox_message' })
@Index('inbox_message_processed_at_idx', ['processedAt'])
export class InboxMessageEntity {
  @PrimaryColumn('text') consumer: string;
  @PrimaryColumn('uuid') messageId: string;
  @Column('text') type: string;
  @Column('timestamptz', { default: () => 'now()' }) processedAt: Date;
}
