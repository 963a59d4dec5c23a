import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@mrm/http';
import { IsIn, IsOptional } from 'class-validator';
import { CONSENT_STATUSES, type ConsentStatus } from '../consent-vocabulary';

export class ListConsentsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CONSENT_STATUSES, example: 'active' })
  @IsOptional()
  @IsIn(CONSENT_STATUSES)
  readonly status?: ConsentStatus;
}
