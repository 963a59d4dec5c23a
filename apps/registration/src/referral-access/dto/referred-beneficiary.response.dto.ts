import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ReferredView } from '../referral-access.service';

/**
 * The fields of each consent data category. A category not shared leaves its fields out of the
 * response altogether; the category, region and year of birth are the roster's dimensions.
 */
export class ReferredBeneficiaryResponseDto {
  @ApiProperty({ format: 'uuid' }) readonly id: string;
  @ApiProperty() readonly category: string;
  @ApiProperty() readonly regionCode: string;
  @ApiProperty({ type: [String], description: 'The data categories this response carries' })
  readonly dataCategories: string[];
  @ApiProperty({ type: [String], description: 'The open referrals that allow the read' })
  readonly referralIds: string[];
  @ApiPropertyOptional({ description: 'identity' }) readonly names?: unknown;
  @ApiPropertyOptional({ description: 'identity' }) readonly sex?: string;
  @ApiPropertyOptional({ description: 'identity', nullable: true, type: String })
  readonly birthDate?: string | null;
  @ApiPropertyOptional({ description: 'identity' }) readonly nationality?: string;
  @ApiPropertyOptional({ description: 'contact', nullable: true, type: String })
  readonly phone?: string | null;
  @ApiPropertyOptional({ description: 'address' }) readonly address?: unknown;
  @ApiPropertyOptional({ description: 'documents' }) readonly documents?: unknown[];
  @ApiPropertyOptional({ description: 'household' }) readonly links?: unknown[];
  @ApiPropertyOptional({ description: 'vulnerabilities', type: [String] })
  readonly vulnerabilities?: string[];
  @ApiPropertyOptional({ description: 'education-skills', type: [String] })
  readonly skills?: string[];
  @ApiPropertyOptional({ description: 'education-skills', type: [String] })
  readonly languages?: string[];
  @ApiPropertyOptional({ description: 'education-skills', nullable: true, type: String })
  readonly educationLevel?: string | null;
  @ApiPropertyOptional({ description: 'programme-history', nullable: true, type: String })
  readonly programmeCode?: string | null;
}

/** Copies the fields of the shared categories only. */
export function toReferredBeneficiaryResponse(
  referred: ReferredView,
): ReferredBeneficiaryResponseDto {
  const { entity, personal, links, birthDate } = referred.view;
  const has = (category: string) => referred.dataCategories.includes(category);
  return {
    id: entity.id,
    category: entity.category,
    regionCode: entity.regionCode,
    dataCategories: referred.dataCategories,
    referralIds: referred.referralIds,
    ...(has('identity')
      ? {
          names: personal.names,
          sex: entity.sex,
          birthDate,
          nationality: entity.nationality,
        }
      : {}),
    ...(has('contact') ? { phone: personal.phone } : {}),
    ...(has('address') ? { address: personal.address } : {}),
    ...(has('documents') ? { documents: [...personal.documents] } : {}),
    ...(has('household') ? { links } : {}),
    ...(has('vulnerabilities') ? { vulnerabilities: [...personal.vulnerabilities] } : {}),
    ...(has('education-skills')
      ? {
          skills: [...entity.skills],
          languages: [...entity.languages],
          educationLevel: entity.educationLevel,
        }
      : {}),
    ...(has('programme-history') ? { programmeCode: entity.programmeCode } : {}),
  };
}
