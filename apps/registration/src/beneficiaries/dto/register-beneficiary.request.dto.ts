import { NestedObject } from '@mrm/http';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BENEFICIARY_CATEGORIES, SEXES } from '@mrm/contracts';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { EDUCATION_LEVELS, VULNERABILITIES } from '../beneficiary-identity';
import {
  AddressDto,
  BeneficiaryLinkDto,
  DuplicateOverrideDto,
  IdentityDocumentDto,
  NAME_RULES,
} from './beneficiary-parts.dto';
import {
  ExactlyOneOf,
  IsCountryCode,
  IsE164Phone,
  IsLanguageCode,
  IsPastCalendarDate,
  IsPastYear,
  IsRegion,
} from './validators';

const LATIN_NAME_MESSAGE = {
  message: '$property must be made of letters, spaces, hyphens and apostrophes',
};
const ARABIC_NAME_MESSAGE = { message: '$property must be written in Arabic script' };

export class RegisterBeneficiaryRequestDto {
  @ApiProperty({ example: 'Fatima Zahra' })
  @IsString()
  @MaxLength(100)
  @Matches(NAME_RULES.pattern, LATIN_NAME_MESSAGE)
  readonly firstName: string;

  @ApiProperty({ example: 'El Amrani' })
  @IsString()
  @MaxLength(100)
  @Matches(NAME_RULES.pattern, LATIN_NAME_MESSAGE)
  readonly lastName: string;

  @ApiPropertyOptional({ example: 'فاطمة الزهراء' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(NAME_RULES.arabic, ARABIC_NAME_MESSAGE)
  readonly firstNameAr?: string;

  @ApiPropertyOptional({ example: 'العمراني' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(NAME_RULES.arabic, ARABIC_NAME_MESSAGE)
  readonly lastNameAr?: string;

  @ApiProperty({ enum: BENEFICIARY_CATEGORIES, example: 'returning-moroccan' })
  @IsIn(BENEFICIARY_CATEGORIES)
  readonly category: string;

  @ApiProperty({ enum: SEXES, example: 'female' })
  @IsIn(SEXES)
  readonly sex: string;

  @ApiPropertyOptional({ example: '1991-04-17', description: 'Date of birth; or give birthYear' })
  @IsOptional()
  @IsPastCalendarDate()
  readonly birthDate?: string;

  @ApiPropertyOptional({ example: 1991, description: 'Year of birth when the date is unknown' })
  @ExactlyOneOf('birthDate')
  @IsPastYear()
  readonly birthYear?: number;

  @ApiPropertyOptional({
    description: 'Whether birthYear is an estimate (default true with birthYear)',
  })
  @IsOptional()
  @IsBoolean()
  readonly birthYearEstimated?: boolean;

  @ApiProperty({ example: 'MA', description: 'Nationality, ISO 3166-1 alpha-2' })
  @IsCountryCode()
  readonly nationality: string;

  @ApiPropertyOptional({ example: 'SN', description: 'Country of origin, ISO 3166-1 alpha-2' })
  @IsOptional()
  @IsCountryCode()
  readonly countryOfOrigin?: string;

  @ApiPropertyOptional({ example: 'IT', description: 'Country returned from, ISO 3166-1 alpha-2' })
  @IsOptional()
  @IsCountryCode()
  readonly returnCountry?: string;

  @ApiPropertyOptional({ example: ['ar', 'fr'], description: 'ISO 639-1 codes' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsLanguageCode({ each: true })
  readonly languages?: string[];

  @ApiPropertyOptional({ example: '+212612345678', description: 'E.164' })
  @IsOptional()
  @IsE164Phone()
  readonly phone?: string;

  @ApiProperty({
    example: '05',
    description: 'Region code 01..12, or a region name in any common spelling',
  })
  @IsRegion()
  readonly regionCode: string;

  @ApiPropertyOptional({ type: AddressDto })
  @NestedObject(() => AddressDto, { optional: true })
  readonly address?: AddressDto;

  @ApiPropertyOptional({ type: [IdentityDocumentDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @NestedObject(() => IdentityDocumentDto, { each: true })
  readonly documents?: IdentityDocumentDto[];

  @ApiPropertyOptional({ type: [BeneficiaryLinkDto], description: 'Household and group ties' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @NestedObject(() => BeneficiaryLinkDto, { each: true })
  readonly links?: BeneficiaryLinkDto[];

  @ApiPropertyOptional({ enum: VULNERABILITIES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(VULNERABILITIES, { each: true })
  readonly vulnerabilities?: string[];

  @ApiPropertyOptional({ enum: EDUCATION_LEVELS })
  @IsOptional()
  @IsIn(EDUCATION_LEVELS)
  readonly educationLevel?: string;

  @ApiPropertyOptional({ example: ['carpentry', 'sales'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(80, { each: true })
  readonly skills?: string[];

  @ApiPropertyOptional({ example: ['furniture maker'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(80, { each: true })
  readonly occupations?: string[];

  @ApiPropertyOptional({ example: 'FORAS' })
  @IsOptional()
  @Matches(/^[A-Z0-9-]{2,32}$/, { message: 'programmeCode must be an upper-case programme code' })
  readonly programmeCode?: string;

  @ApiPropertyOptional({
    type: DuplicateOverrideDto,
    description: 'Register despite probable duplicates',
  })
  @NestedObject(() => DuplicateOverrideDto, { optional: true })
  readonly duplicateOverride?: DuplicateOverrideDto;
}
