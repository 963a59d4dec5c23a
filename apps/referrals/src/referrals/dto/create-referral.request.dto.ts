import { NestedObject } from '@mrm/http';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REFERRAL_PRIORITIES, type ReferralPriority } from '@mrm/contracts';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { ConsentOverrideRequestDto } from './consent-override.request.dto';

/** Registration's consent data categories (wire values): what the receiver may read. */
export const DATA_CATEGORIES = [
  'identity',
  'contact',
  'documents',
  'address',
  'household',
  'vulnerabilities',
  'health',
  'education-skills',
  'programme-history',
] as const;

export class CreateReferralRequestDto {
  @ApiProperty({ format: 'uuid', description: 'Roster id of the beneficiary' })
  @IsUUID()
  readonly beneficiaryId: string;

  @ApiProperty({ format: 'uuid', description: 'The receiving service (partner directory)' })
  @IsUUID()
  readonly serviceId: string;

  @ApiProperty({
    example: 'Looking for a job in carpentry after return',
    minLength: 3,
    maxLength: 1000,
    description: 'Why the person is referred; no names, contacts or document numbers',
  })
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  readonly reason: string;

  @ApiPropertyOptional({ type: [String], maxItems: 20, example: ['job placement', 'CV workshop'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(2, { each: true })
  @MaxLength(100, { each: true })
  readonly servicesRequested?: string[];

  @ApiProperty({ enum: REFERRAL_PRIORITIES, example: 'normal' })
  @IsIn(REFERRAL_PRIORITIES)
  readonly priority: ReferralPriority;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The consent to rely on; any valid one if omitted',
  })
  @IsOptional()
  @IsUUID()
  readonly consentId?: string;

  @ApiProperty({ enum: DATA_CATEGORIES, isArray: true, example: ['identity', 'contact'] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(DATA_CATEGORIES, { each: true })
  readonly dataCategories: string[];

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  readonly notes?: string;

  @ApiPropertyOptional({
    default: false,
    description: 'Keep it as a draft: not sent, no consent check yet',
  })
  @IsOptional()
  @IsBoolean()
  readonly draft?: boolean;

  @ApiPropertyOptional({ type: ConsentOverrideRequestDto, description: 'Coordinators only' })
  @NestedObject(() => ConsentOverrideRequestDto, { optional: true })
  readonly consentOverride?: ConsentOverrideRequestDto;
}
