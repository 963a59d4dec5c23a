import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@mrm/http';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';

export class ListVisitsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'Only visits past due and not recorded' })
  @IsOptional()
  @Transform(({ obj }: { obj: Record<string, unknown> }) =>
    obj.overdue === 'true' ? true : obj.overdue === 'false' ? false : obj.overdue,
  )
  @IsBoolean({ message: 'overdue must be true or false' })
  readonly overdue?: boolean;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  readonly projectId?: string;
}
