import { ApiProperty } from '@nestjs/swagger';
import type { PartnerDeliveryEntity } from '../partner-delivery.entity';

/** One message sent to a partner system about a referral, with the time of each hop reached. */
export class PartnerDeliveryResponseDto {
  @ApiProperty({ format: 'uuid', description: '`ce-id` of the message' })
  readonly messageId: string;
  @ApiProperty({ example: 'anapec', description: 'The partner on the bus' })
  readonly partner: string;
  @ApiProperty({ example: 'requested', description: 'Last subject token' })
  readonly event: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readonly publishedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readonly deliveredAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readonly acknowledgedAt: string | null;
  @ApiProperty({ enum: ['published', 'delivered', 'acknowledged'] })
  readonly hop: 'published' | 'delivered' | 'acknowledged';
}

export function toPartnerDeliveryResponse(row: PartnerDeliveryEntity): PartnerDeliveryResponseDto {
  return {
    messageId: row.messageId,
    partner: row.busCode,
    event: row.event,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    hop: row.acknowledgedAt ? 'acknowledged' : row.deliveredAt ? 'delivered' : 'published',
  };
}
