import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ENROLMENT_STATUSES } from '../enrolment-view';

export class ListEnrolmentsQueryDto {
  @ApiPropertyOptional({ enum: ENROLMENT_STATUSES })
  @IsOptional()
  @IsIn(ENROLMENT_STATUSES)
  readonly status?: string;
}
