import { NestedObject } from '@mrm/http';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  BENEFICIARY_CATEGORIES,
  REGION_CODES,
  SERVICE_TYPES,
  SEXES,
  type ServiceType,
} from '@mrm/contracts';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { INSTITUTION_PHONE_PATTERN } from './create-partner.request.dto';

const COUNTRY = /^[A-Z]{2}$/;
const LANGUAGE = /^[a-z]{2}$/;

export class ServiceLocationDto {
  @ApiProperty({ example: 'Agence ANAPEC Béni Mellal' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  readonly name: string;

  @ApiProperty({ enum: REGION_CODES, example: '05' })
  @IsIn(REGION_CODES)
  readonly regionCode: string;

  @ApiPropertyOptional({ example: 'Béni Mellal', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  readonly city?: string;
}

/** Who the service is for; an empty or missing list means anyone. */
export class ServiceEligibilityDto {
  @ApiPropertyOptional({ enum: BENEFICIARY_CATEGORIES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(BENEFICIARY_CATEGORIES, { each: true })
  readonly categories?: string[];

  @ApiPropertyOptional({ enum: SEXES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(SEXES, { each: true })
  readonly sexes?: string[];

  @ApiPropertyOptional({ minimum: 0, maximum: 120, example: 18 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(120)
  readonly minAge?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 120, example: 45 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(120)
  readonly maxAge?: number;

  @ApiPropertyOptional({ isArray: true, type: String, pattern: COUNTRY.source, example: ['MA'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(250)
  @ArrayUnique()
  @Matches(COUNTRY, { each: true, message: 'each nationality must be ISO 3166-1 alpha-2' })
  readonly nationalities?: string[];
}

export class ServiceCapacityDto {
  @ApiPropertyOptional({ minimum: 0, maximum: 100000, example: 40, nullable: true, type: Number })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100000)
  readonly placesPerMonth?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 100000, example: 12 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100000)
  readonly currentLoad?: number;
}

/** The service's desk, never a person's contact. */
export class ServiceContactDto {
  @ApiPropertyOptional({ format: 'email', example: 'orientation@anapec.org' })
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  readonly email?: string;

  @ApiPropertyOptional({ pattern: INSTITUTION_PHONE_PATTERN.source })
  @IsOptional()
  @Matches(INSTITUTION_PHONE_PATTERN)
  readonly phone?: string;
}

export class CreateServiceRequestDto {
  @ApiProperty({ format: 'uuid', description: 'The partner that gives the service' })
  @IsUUID()
  readonly partnerId: string;

  @ApiProperty({ enum: SERVICE_TYPES, example: 'employment' })
  @IsIn(SERVICE_TYPES)
  readonly type: ServiceType;

  @ApiProperty({ example: 'Intermédiation à l’emploi', minLength: 2, maxLength: 200 })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  readonly name: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  readonly description?: string;

  @ApiProperty({ enum: REGION_CODES, isArray: true, example: ['05', '06'] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(REGION_CODES, { each: true })
  readonly regionCodes: string[];

  @ApiPropertyOptional({ type: [ServiceLocationDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @NestedObject(() => ServiceLocationDto, { each: true })
  readonly locations?: ServiceLocationDto[];

  @ApiPropertyOptional({ type: ServiceEligibilityDto })
  @NestedObject(() => ServiceEligibilityDto, { optional: true })
  readonly eligibility?: ServiceEligibilityDto;

  @ApiPropertyOptional({ isArray: true, type: String, pattern: LANGUAGE.source, example: ['ar'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(LANGUAGE, { each: true, message: 'each language must be ISO 639-1' })
  readonly languages?: string[];

  @ApiPropertyOptional({ type: ServiceCapacityDto })
  @NestedObject(() => ServiceCapacityDto, { optional: true })
  readonly capacity?: ServiceCapacityDto;

  @ApiPropertyOptional({ type: ServiceContactDto })
  @NestedObject(() => ServiceContactDto, { optional: true })
  readonly contact?: ServiceContactDto;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  readonly active?: boolean;
}
