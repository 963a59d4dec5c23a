import { ApiPropertyOptional } from '@nestjs/swagger';
import { COURSE_KINDS } from '@mrm/contracts';
import { PageQueryDto } from '@mrm/http';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { COURSE_STATUSES } from '../course-view';

export class ListCoursesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: COURSE_STATUSES })
  @IsOptional()
  @IsIn(COURSE_STATUSES)
  readonly status?: string;

  @ApiPropertyOptional({ enum: COURSE_KINDS })
  @IsOptional()
  @IsIn(COURSE_KINDS)
  readonly kind?: string;

  @ApiPropertyOptional({ pattern: '^[A-Z0-9-]{2,32}$', example: 'FORAS' })
  @IsOptional()
  @Matches(/^[A-Z0-9-]{2,32}$/, { message: 'programmeCode must be a programme code' })
  readonly programmeCode?: string;
}
