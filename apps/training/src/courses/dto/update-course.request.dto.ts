import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { IsCalendarDate } from './calendar-date';
import {
  LanguagesField,
  MinAttendancePercentField,
  TitleField,
  TrainerIdsField,
  VenueField,
} from './course-fields';

/**
 * The fields that may change while the course is not completed or cancelled. The capacity is not
 * among them: changing it moves the waiting list (enrolments feature).
 */
export class UpdateCourseRequestDto {
  @IsOptional() @TitleField(false) readonly title?: string;
  @IsOptional() @TrainerIdsField() readonly trainerIds?: string[];
  @IsOptional() @LanguagesField() readonly languages?: string[];
  @VenueField() readonly venue?: string;

  @ApiPropertyOptional({ example: '2026-03-02', format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  readonly startsOn?: string;

  @ApiPropertyOptional({ example: '2026-03-27', format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  readonly endsOn?: string;

  @MinAttendancePercentField() readonly minAttendancePercent?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  readonly assessmentRequired?: boolean;
}
