import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COURSE_KINDS } from '@mrm/contracts';
import { IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';
import { IsCalendarDate } from './calendar-date';
import {
  CapacityField,
  LanguagesField,
  MinAttendancePercentField,
  RegionCodeField,
  TargetCategoriesField,
  TitleField,
  TrainerIdsField,
  VenueField,
} from './course-fields';

export class CreateCourseRequestDto {
  @TitleField(true) readonly title: string;

  @ApiProperty({ enum: COURSE_KINDS, example: 'personal-development' })
  @IsIn(COURSE_KINDS)
  readonly kind: string;

  @ApiProperty({ example: 'FORAS', pattern: '^[A-Z0-9-]{2,32}$' })
  @Matches(/^[A-Z0-9-]{2,32}$/, { message: 'programmeCode must be a programme code' })
  readonly programmeCode: string;

  @ApiProperty({
    example: 'IOM',
    pattern: '^[A-Z0-9-]{2,32}$',
    description: 'Institution code; the caller’s own unless a coordinator',
  })
  @Matches(/^[A-Z0-9-]{2,32}$/, { message: 'organisingOrg must be an institution code' })
  readonly organisingOrg: string;

  @TrainerIdsField() readonly trainerIds: string[];
  @LanguagesField() readonly languages: string[];
  @RegionCodeField() readonly regionCode: string;
  @VenueField() readonly venue?: string;
  @CapacityField() readonly capacity: number;
  @TargetCategoriesField() readonly targetCategories: string[];

  @ApiProperty({ example: '2026-03-02', format: 'date' })
  @IsCalendarDate()
  readonly startsOn: string;

  @ApiProperty({ example: '2026-03-27', format: 'date' })
  @IsCalendarDate()
  readonly endsOn: string;

  @MinAttendancePercentField() readonly minAttendancePercent?: number;

  @ApiPropertyOptional({ default: false, description: 'An assessment must be passed to complete' })
  @IsOptional()
  @IsBoolean()
  readonly assessmentRequired?: boolean;
}
