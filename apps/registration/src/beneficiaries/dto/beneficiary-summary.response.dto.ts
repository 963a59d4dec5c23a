import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { BeneficiaryEntity } from '../beneficiary.entity';
import type { BeneficiaryNames } from '../beneficiary-identity';

/** A list item: enough to recognise the person; the full record is one read away (audited). */
export class BeneficiarySummaryDto {
  @ApiProperty() readonly id: string;
  @ApiProperty() readonly reference: string;
  @ApiProperty() readonly ownerOrg: string;
  @ApiProperty() readonly status: string;
  @ApiProperty() readonly category: string;
  @ApiProperty() readonly sex: string;
  @ApiProperty() readonly birthYear: number;
  @ApiProperty() readonly nationality: string;
  @ApiProperty() readonly regionCode: string;
  @ApiPropertyOptional({ nullable: true }) readonly programmeCode: string | null;
  @ApiPropertyOptional({ nullable: true }) readonly names: BeneficiaryNames | null;
  @ApiProperty() readonly erased: boolean;
  @ApiProperty() readonly version: number;
  @ApiProperty() readonly createdAt: string;
}

export class BeneficiaryPageDto {
  @ApiProperty({ type: [BeneficiarySummaryDto] }) readonly items: BeneficiarySummaryDto[];
  @ApiPropertyOptional({ nullable: true }) readonly nextCursor: string | null;
}

/** Copies whitelisted fields only. */
export function toBeneficiarySummary(
  entity: BeneficiaryEntity,
  names: BeneficiaryNames | null,
): BeneficiarySummaryDto {
  return {
    id: entity.id,
    reference: entity.reference,
    ownerOrg: entity.ownerOrg,
    status: entity.status,
    category: entity.category,
    sex: entity.sex,
    birthYear: entity.birthYear,
    nationality: entity.nationality,
    regionCode: entity.regionCode,
    programmeCode: entity.programmeCode,
    names,
    erased: entity.erasedAt !== null,
    version: entity.version,
    createdAt: entity.createdAt.toISOString(),
  };
}
