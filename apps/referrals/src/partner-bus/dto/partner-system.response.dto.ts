import { ApiProperty } from '@nestjs/swagger';
import type { PartnerSystemStatus } from '../partner-system-status.service';

/** A partner institution's own system on the partner bus, as coordinators watch it. */
export class PartnerSystemResponseDto {
  @ApiProperty({ format: 'uuid' })
  readonly partnerId: string;
  @ApiProperty({ description: 'It has an active system on the bus (registered, not revoked)' })
  readonly connected: boolean;
  @ApiProperty({
    enum: ['none', 'active', 'revoked'],
    description: '`none`: the partner works through the API only',
  })
  readonly status: 'none' | 'active' | 'revoked';
  @ApiProperty({ type: String, nullable: true, example: 'anapec', description: 'Code on the bus' })
  readonly busCode: string | null;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Version of its public key: the `kid` of what is encrypted to it',
  })
  readonly keyVersion: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'Its NATS public nkey (U…)' })
  readonly nkey: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Registration or last rotation',
  })
  readonly registeredAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readonly revokedAt: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Last time its consumer was seen fetching',
  })
  readonly lastFetchAt: string | null;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Messages on its durable not delivered yet (null: NATS not readable, or none)',
  })
  readonly pending: number | null;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Messages delivered to it and not acknowledged yet',
  })
  readonly ackPending: number | null;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Age in seconds of the oldest message it has not fetched (null: none)',
  })
  readonly oldestUndeliveredAgeSeconds: number | null;
  @ApiProperty({
    description: 'Active and no fetch for staleAfterSeconds (the mrm_partner_stale metric)',
  })
  readonly stale: boolean;
  @ApiProperty({ type: 'integer', description: 'PARTNER_FETCH_STALE_AFTER' })
  readonly staleAfterSeconds: number;
}

export function toPartnerSystemResponse(status: PartnerSystemStatus): PartnerSystemResponseDto {
  const { system, backlog } = status;
  const oldest = backlog?.oldestUndeliveredAt;
  return {
    partnerId: status.partnerId,
    connected: system?.status === 'active',
    status: system?.status ?? 'none',
    busCode: system?.busCode ?? null,
    keyVersion: system?.keyVersion ?? null,
    nkey: system?.nkey ?? null,
    registeredAt: system?.registeredAt.toISOString() ?? null,
    revokedAt: system?.revokedAt?.toISOString() ?? null,
    lastFetchAt: system?.lastFetchAt?.toISOString() ?? null,
    pending: backlog?.pending ?? null,
    ackPending: backlog?.ackPending ?? null,
    oldestUndeliveredAgeSeconds: oldest
      ? Math.max(0, Math.floor((status.now.getTime() - oldest.getTime()) / 1000))
      : null,
    stale: status.stale,
    staleAfterSeconds: status.staleAfterSeconds,
  };
}
