import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MatchElsewhereDto } from '../../match-reviews/dto/match-review.dto';
import type { BeneficiaryEntity } from '../beneficiary.entity';
import type { BeneficiaryNames } from '../beneficiary-identity';
import { BeneficiaryNamesDto } from './beneficiary-parts.response.dto';

/** A list item: enough to recognise the person; the full record is one read away (audited). */
export class BeneficiarySummaryDto {
  @ApiProperty() readonly id: string;
  @ApiProperty() readonly reference: string;
  @ApiProperty() readonly ownerOrg: string;
  @ApiProperty() readonly status: string;
  @ApiProperty() readonly category: string;
  @ApiProperty() readonly sex: string;
  @ApiProperty({ type: 'integer' }) readonly birthYear: number;
  @ApiProperty() readonly nationality: string;
  @ApiProperty() readonly regionCode: string;
  @ApiProperty({ type: String, nullable: true }) readonly programmeCode: string | null;
  @ApiProperty({ type: BeneficiaryNamesDto, nullable: true })
  readonly names: BeneficiaryNames | null;
  @ApiProperty() readonly erased: boolean;
  @ApiProperty({ type: 'integer' }) readonly version: number;
  @ApiProperty() readonly createdAt: string;
}

export class BeneficiaryPageDto {
  @ApiProperty({ type: [BeneficiarySummaryDto] }) readonly items: BeneficiarySummaryDto[];
  @ApiProperty({ type: String, nullable: true }) readonly nextCursor: string | null;
  @ApiPropertyOptional({
    type: MatchElsewhereDto,
    description: 'The exact phone or document also matches another institution’s record',
  })
  readonly elsewhere?: MatchElsewhereDto;
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
