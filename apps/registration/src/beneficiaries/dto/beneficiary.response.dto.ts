import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { BeneficiaryEntity } from '../beneficiary.entity';

export class BeneficiaryResponseDto {
  @ApiProperty() readonly id: string;
  @ApiProperty({ example: 'MA-2026-000123' }) readonly reference: string;
  @ApiProperty() readonly ownerOrg: string;
  @ApiProperty() readonly category: string;
  @ApiProperty() readonly sex: string;
  @ApiPropertyOptional() readonly birthDate: string | null;
  @ApiProperty() readonly birthYear: number;
  @ApiProperty() readonly nationality: string;
  @ApiProperty() readonly regionCode: string;
  @ApiPropertyOptional() readonly programmeCode: string | null;
  @ApiProperty() readonly status: string;
  @ApiProperty() readonly version: number;
  @ApiProperty() readonly createdAt: string;
}

/** Copies whitelisted fields only. */
export function toBeneficiaryResponse(entity: BeneficiaryEntity): BeneficiaryResponseDto {
  return {
    id: entity.id,
    reference: entity.reference,
    ownerOrg: entity.ownerOrg,
    category: entity.category,
    sex: entity.sex,
    birthDate: entity.birthDate,
    birthYear: entity.birthYear,
    nationality: entity.nationality,
    regionCode: entity.regionCode,
    programmeCode: entity.programmeCode,
    status: entity.status,
    version: entity.version,
    createdAt: entity.createdAt.toISOString(),
  };
}
