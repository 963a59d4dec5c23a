import { ApiProperty } from '@nestjs/swagger';
import type { BeneficiaryEntity } from '../beneficiary.entity';
import { CLOSURE_REASONS } from './status-change.request.dto';

/** The answer to a status change or an erasure: no personal data, the new version. */
export class BeneficiaryStatusResponseDto {
  @ApiProperty() readonly id: string;
  @ApiProperty() readonly reference: string;
  @ApiProperty({ enum: ['registered', 'active', 'closed'] }) readonly status: string;
  @ApiProperty({ enum: [...CLOSURE_REASONS, null], nullable: true })
  readonly closureReason: string | null;
  @ApiProperty({ type: String, nullable: true }) readonly closedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) readonly erasedAt: string | null;
  @ApiProperty({ type: 'integer' }) readonly version: number;
}

export function toBeneficiaryStatusResponse(
  entity: BeneficiaryEntity,
): BeneficiaryStatusResponseDto {
  return {
    id: entity.id,
    reference: entity.reference,
    status: entity.status,
    closureReason: entity.closureReason,
    closedAt: entity.closedAt?.toISOString() ?? null,
    erasedAt: entity.erasedAt?.toISOString() ?? null,
    version: entity.version,
  };
}
