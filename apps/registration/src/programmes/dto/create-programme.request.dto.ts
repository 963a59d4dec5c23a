import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BENEFICIARY_CATEGORIES } from '@mrm/contracts';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { IsCalendarDate } from './calendar-date';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateProgrammeRequestDto {
  @ApiProperty({ example: 'FORAS', description: 'Unique upper-case code, as carried by events' })
  @Matches(/^[A-Z0-9-]{2,32}$/, {
    message: 'code must be 2 to 32 upper-case letters, digits or hyphens',
  })
  readonly code: string;

  @ApiProperty({ example: 'FORAS: reintegration of returning migrants' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  readonly name: string;

  @ApiProperty({ example: 'Germany (BMZ)' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  readonly donor: string;

  @ApiProperty({ example: 'IOM', description: 'Institution code of the implementing organisation' })
  @Matches(/^[A-Z0-9-]{2,32}$/, { message: 'implementingOrg must be an institution code' })
  readonly implementingOrg: string;

  @ApiProperty({ example: '2018-01-01' })
  @IsCalendarDate()
  readonly startsOn: string;

  @ApiPropertyOptional({ example: '2020-12-31', description: 'Open-ended when omitted' })
  @IsOptional()
  @IsCalendarDate()
  readonly endsOn?: string;

  @ApiProperty({
    enum: BENEFICIARY_CATEGORIES,
    isArray: true,
    example: ['returning-moroccan', 'foreign-avrr'],
  })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(BENEFICIARY_CATEGORIES.length)
  @ArrayUnique()
  @IsIn(BENEFICIARY_CATEGORIES, { each: true })
  readonly targetCategories: string[];
}
