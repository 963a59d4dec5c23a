import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@mrm/http';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { PLAN_STATUSES, type PlanStatus } from '../plan-vocabulary';

export class ListPlansQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PLAN_STATUSES })
  @IsOptional()
  @IsIn(PLAN_STATUSES)
  readonly status?: PlanStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  readonly beneficiaryId?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'Only drafts past their due date' })
  @IsOptional()
  @Transform(({ obj }: { obj: Record<string, unknown> }) =>
    obj.overdue === 'true' ? true : obj.overdue === 'false' ? false : obj.overdue,
  )
  @IsBoolean({ message: 'overdue must be true or false' })
  readonly overdue?: boolean;
}
