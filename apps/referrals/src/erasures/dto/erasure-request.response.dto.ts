import { ApiProperty } from '@nestjs/swagger';
import type { ErasureRequestEntity } from '../erasure-request.entity';

export class ErasureRequestResponseDto {
  @ApiProperty({ format: 'uuid' }) readonly id: string;
  @ApiProperty({ format: 'uuid' }) readonly beneficiaryId: string;
  @ApiProperty() readonly receivingOrg: string;
  @ApiProperty({ type: [String] }) readonly referralIds: string[];
  @ApiProperty({ format: 'date-time' }) readonly erasedAt: string;
  @ApiProperty({ format: 'date-time' }) readonly requestedAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  readonly acknowledgedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) readonly acknowledgedBy: string | null;
}

export function toErasureRequestResponse(entity: ErasureRequestEntity): ErasureRequestResponseDto {
  return {
    id: entity.id,
    beneficiaryId: entity.beneficiaryId,
    receivingOrg: entity.receivingOrg,
    referralIds: [...entity.referralIds],
    erasedAt: entity.erasedAt.toISOString(),
    requestedAt: entity.requestedAt.toISOString(),
    acknowledgedAt: entity.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: entity.acknowledgedBy,
  };
}
