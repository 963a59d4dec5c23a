import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { DOCUMENT_TYPES } from '../beneficiary-identity';
import { IsCountryCode } from './validators';

// Letters (any script), marks, spaces, apostrophes, dots and hyphens: what names are made of.
const NAME = /^[\p{L}\p{M}][\p{L}\p{M} '’.-]*$/u;
const ARABIC_NAME = /^[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF ]+$/u;

export const LINK_RELATIONS = [
  'spouse',
  'parent',
  'child',
  'sibling',
  'relative',
  'member',
] as const;

export class IdentityDocumentDto {
  @ApiProperty({ enum: DOCUMENT_TYPES, example: 'CIN' })
  @IsIn(DOCUMENT_TYPES)
  readonly type: string;

  @ApiProperty({ example: 'AB123456' })
  @IsString()
  @MinLength(3)
  @MaxLength(32)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9 .-]*$/, {
    message: 'number must be letters and digits (spaces, dots and hyphens allowed)',
  })
  readonly number: string;

  @ApiProperty({ example: 'MA', description: 'ISO 3166-1 alpha-2' })
  @IsCountryCode()
  readonly issuingCountry: string;
}

export class AddressDto {
  @ApiPropertyOptional({ example: '12 rue Tarik Ibn Ziad' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  readonly line?: string;

  @ApiPropertyOptional({ example: 'Khénifra' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  readonly province?: string;

  @ApiPropertyOptional({ example: 'Mrirt' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  readonly commune?: string;
}

export class BeneficiaryLinkDto {
  @ApiProperty({ description: 'The related beneficiary' })
  @IsUUID()
  readonly beneficiaryId: string;

  @ApiProperty({ enum: LINK_RELATIONS, description: 'What the related person is to this one' })
  @IsIn(LINK_RELATIONS)
  readonly relation: string;
}

export class DuplicateOverrideDto {
  @ApiProperty({ example: 'Checked with the person: a namesake, different parents' })
  @IsString()
  @MinLength(5)
  @MaxLength(500)
  readonly reason: string;
}

/** Name decorators shared by the create and update bodies. */
export const NAME_RULES = { pattern: NAME, arabic: ARABIC_NAME };
