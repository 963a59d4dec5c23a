import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate } from '../../courses/dto/calendar-date';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export const SessionDateField = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ example: '2026-03-02', format: 'date', description: 'Day in Africa/Casablanca' }),
    IsCalendarDate(),
  );

export const WallClockField = (example: string): PropertyDecorator =>
  applyDecorators(
    ApiProperty({
      example,
      pattern: '^([01]\\d|2[0-3]):[0-5]\\d$',
      description: 'HH:mm, Africa/Casablanca',
    }),
    Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '$property must be a time written HH:mm' }),
  );

export const SessionVenueField = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ maxLength: 300, example: 'Salle 2, Maison des jeunes' }),
    IsOptional(),
    IsString(),
    IsNotEmpty(),
    MaxLength(300),
  );

// A pattern rather than isURL, so that the OpenAPI schema states exactly what is accepted.
export const OnlineLinkField = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ maxLength: 500, example: 'https://meet.example.org/abc' }),
    IsOptional(),
    Matches(/^https:\/\/[A-Za-z0-9.-]+\.[A-Za-z]{2,}(\/\S*)?$/, {
      message: '$property must be an https URL',
    }),
    MaxLength(500),
  );
