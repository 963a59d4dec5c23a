import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@mrm/http';
import { IsIn, IsOptional } from 'class-validator';
import { DUPLICATE_STATUSES, type DuplicateStatus } from '../duplicate-candidate.entity';

export class ListDuplicatesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: DUPLICATE_STATUSES,
    example: 'open',
    description: 'Every status when absent',
  })
  @IsOptional()
  @IsIn(DUPLICATE_STATUSES)
  readonly status?: DuplicateStatus;
}
