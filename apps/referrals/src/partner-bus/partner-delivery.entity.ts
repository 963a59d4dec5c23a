import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Receipts per hop of one message sent to a partner: published to `PARTNERS`, delivered to the
 * partner's consumer, acknowledged by the partner's answer. No personal data: ids and times.
 */
@Entity({ name: 'partner_delivery' })
export class PartnerDeliveryEntity {
  /** `ce-id` of the outbound message. */
  @PrimaryColumn('uuid') messageId: string;
  @Column('uuid', { nullable: true }) referralId: string | null;
  @Column('text') busCode: string;
  /** Last subject token: `requested`, `cancelled`, … */
  @Column('text') event: string;
  @Column('bigint', { nullable: true }) streamSequence: string | null;
  @Column('timestamptz', { nullable: true }) publishedAt: Date | null;
  @Column('timestamptz', { nullable: true }) deliveredAt: Date | null;
  @Column('timestamptz', { nullable: true }) acknowledgedAt: Date | null;
  /** `ce-id` of the answer that acknowledged it. */
  @Column('text', { nullable: true }) answerId: string | null;
}
