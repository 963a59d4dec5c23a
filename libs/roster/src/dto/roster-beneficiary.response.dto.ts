import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { RosterBeneficiaryEntity } from '../roster-beneficiary.entity';

export class RosterBeneficiaryResponseDto {
  @ApiProperty({ format: 'uuid' }) readonly beneficiaryId: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'IOM' }) readonly ownerOrg:
    string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'returning-moroccan' })
  readonly category: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'female' }) readonly sex:
    string | null;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 1991 }) readonly birthYear:
    number | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'MA' }) readonly nationality:
    string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '05' }) readonly regionCode:
    string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'FORAS' }) readonly programmeCode:
    string | null;
  @ApiProperty({
    type: [String],
    nullable: true,
    description: 'Languages spoken, ISO 639-1 codes',
    example: ['ar', 'fr'],
  })
  readonly languages: string[] | null;
  @ApiProperty({
    description: "Registration's version of these dimensions; 0 until the registration arrives",
  })
  readonly version: number;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) readonly mergedInto:
    string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) readonly erasedAt:
    string | null;
  @ApiProperty({ format: 'date-time' }) readonly updatedAt: string;
}

/** Copies whitelisted fields only. */
export function toRosterBeneficiaryResponse(
  entity: RosterBeneficiaryEntity,
): RosterBeneficiaryResponseDto {
  return {
    beneficiaryId: entity.beneficiaryId,
    ownerOrg: entity.ownerOrg,
    category: entity.category,
    sex: entity.sex,
    birthYear: entity.birthYear,
    nationality: entity.nationality,
    regionCode: entity.regionCode,
    programmeCode: entity.programmeCode,
    languages: entity.languages,
    version: entity.version,
    mergedInto: entity.mergedInto,
    erasedAt: entity.erasedAt?.toISOString() ?? null,
    updatedAt: entity.updatedAt.toISOString(),
  };
}
