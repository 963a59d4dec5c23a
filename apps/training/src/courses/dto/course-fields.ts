import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BENEFICIARY_CATEGORIES, REGION_CODES } from '@mrm/contracts';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

// Shared by the create and update DTOs, so both state the same bounds to validation and OpenAPI.

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export const TitleField = (required: boolean): PropertyDecorator =>
  applyDecorators(
    required
      ? ApiProperty({ example: 'Initiation à l’entrepreneuriat', maxLength: 200 })
      : ApiPropertyOptional({ maxLength: 200 }),
    Transform(trim),
    IsString(),
    IsNotEmpty(),
    MaxLength(200),
  );

export const TrainerIdsField = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({
      type: [String],
      minItems: 1,
      maxItems: 10,
      example: ['trainer-42'],
      description: 'User ids (token `sub`) of the trainers who run and manage the course',
    }),
    IsArray(),
    ArrayNotEmpty(),
    ArrayMaxSize(10),
    ArrayUnique(),
    IsString({ each: true }),
    Matches(/^[A-Za-z0-9._@|:-]{1,128}$/, {
      each: true,
      message: 'each value in trainerIds must be a user id',
    }),
  );

export const LanguagesField = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({
      type: [String],
      example: ['ar', 'fr'],
      minItems: 1,
      maxItems: 5,
    }),
    IsArray(),
    ArrayNotEmpty(),
    ArrayMaxSize(5),
    ArrayUnique(),
    Matches(/^[a-z]{2}$/, {
      each: true,
      message: 'each value in languages must be an ISO 639-1 code',
    }),
  );

export const RegionCodeField = (): PropertyDecorator =>
  applyDecorators(ApiProperty({ enum: REGION_CODES, example: '05' }), IsIn(REGION_CODES));

export const VenueField = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ example: 'Maison des jeunes, Khouribga', maxLength: 300 }),
    IsOptional(),
    Transform(trim),
    IsString(),
    IsNotEmpty(),
    MaxLength(300),
  );

export const CapacityField = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ minimum: 1, maximum: 1000, example: 25 }),
    IsInt(),
    Min(1),
    Max(1000),
  );

export const TargetCategoriesField = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ enum: BENEFICIARY_CATEGORIES, isArray: true, example: ['returning-moroccan'] }),
    IsArray(),
    ArrayNotEmpty(),
    ArrayMaxSize(BENEFICIARY_CATEGORIES.length),
    ArrayUnique(),
    IsIn(BENEFICIARY_CATEGORIES, { each: true }),
  );

export const MinAttendancePercentField = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({
      minimum: 0,
      maximum: 100,
      default: 80,
      description: 'Minimum share of the held sessions attended to complete, in percent',
    }),
    IsOptional(),
    IsInt(),
    Min(0),
    Max(100),
  );
