import { NestedObject } from '@mrm/http';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PARTNER_KINDS, type PartnerKind } from '@mrm/contracts';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

export const ORG_CODE_PATTERN = /^[A-Z0-9-]{2,32}$/;
export const INSTITUTION_PHONE_PATTERN = /^\+?[0-9 ()-]{6,20}$/;

/** Names in the three languages of the directory; French is required. */
export class PartnerNamesDto {
  @ApiProperty({ example: 'Agence nationale de promotion de l’emploi et des compétences' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  readonly fr: string;

  @ApiPropertyOptional({ example: 'الوكالة الوطنية لإنعاش التشغيل والكفاءات', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  readonly ar?: string;

  @ApiPropertyOptional({ example: 'National Agency for Employment and Skills', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  readonly en?: string;
}

export class CreatePartnerRequestDto {
  @ApiProperty({ example: 'ANAPEC', pattern: ORG_CODE_PATTERN.source, description: '`org` claim' })
  @Matches(ORG_CODE_PATTERN, { message: 'code must be 2 to 32 of A-Z, 0-9, -' })
  readonly code: string;

  @ApiProperty({ type: PartnerNamesDto })
  @NestedObject(() => PartnerNamesDto)
  readonly names: PartnerNamesDto;

  @ApiProperty({ enum: PARTNER_KINDS, example: 'agency' })
  @IsIn(PARTNER_KINDS)
  readonly kind: PartnerKind;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  readonly description?: string;

  @ApiPropertyOptional({ format: 'uri', example: 'https://www.anapec.org' })
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['https', 'http'] })
  @MaxLength(300)
  readonly website?: string;

  @ApiPropertyOptional({ format: 'email', example: 'contact@anapec.org' })
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  readonly email?: string;

  @ApiPropertyOptional({ pattern: INSTITUTION_PHONE_PATTERN.source, example: '+212 522 00 00 00' })
  @IsOptional()
  @Matches(INSTITUTION_PHONE_PATTERN)
  readonly phone?: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  readonly active?: boolean;
}
