import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  Matches,
} from 'class-validator';
import {
  CONSENT_DATA_CATEGORIES,
  CONSENT_PURPOSES,
  RECIPIENT_CODE_PATTERN,
  type ConsentDataCategory,
  type ConsentPurpose,
} from '../consent-vocabulary';

export class GrantConsentRequestDto {
  @ApiProperty({ enum: CONSENT_PURPOSES, isArray: true, example: ['registration', 'referral'] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(CONSENT_PURPOSES.length)
  @ArrayUnique()
  @IsIn(CONSENT_PURPOSES, { each: true })
  readonly purposes: ConsentPurpose[];

  @ApiProperty({
    example: ['IOM', 'ANAPEC'],
    description: 'Institution codes allowed to receive the data',
  })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @Matches(RECIPIENT_CODE_PATTERN, {
    each: true,
    message: 'each recipient must be an institution code (2 to 32 of A-Z, 0-9, -)',
  })
  readonly recipients: string[];

  @ApiProperty({
    enum: CONSENT_DATA_CATEGORIES,
    isArray: true,
    example: ['identity', 'contact', 'education-skills'],
  })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(CONSENT_DATA_CATEGORIES.length)
  @ArrayUnique()
  @IsIn(CONSENT_DATA_CATEGORIES, { each: true })
  readonly dataCategories: ConsentDataCategory[];

  @ApiProperty({ example: '2025-03', description: 'Version of the information notice shown' })
  @Matches(/^[A-Za-z0-9._-]{1,32}$/, {
    message: 'noticeVersion must be 1 to 32 letters, digits, dots, hyphens or underscores',
  })
  readonly noticeVersion: string;

  @ApiPropertyOptional({ example: '2027-12-31T23:59:59Z', description: 'Open-ended if omitted' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'expiresAt must be an ISO 8601 date-time' })
  readonly expiresAt?: string;
}
