import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@mrm/http';
import { IsIn, IsOptional } from 'class-validator';
import {
  PROJECT_KINDS,
  PROJECT_STATUSES,
  type ProjectKind,
  type ProjectStatus,
} from '../project-vocabulary';

export class ListProjectsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PROJECT_STATUSES })
  @IsOptional()
  @IsIn(PROJECT_STATUSES)
  readonly status?: ProjectStatus;

  @ApiPropertyOptional({ enum: PROJECT_KINDS })
  @IsOptional()
  @IsIn(PROJECT_KINDS)
  readonly kind?: ProjectKind;
}
