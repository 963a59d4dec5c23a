import { ApiPropertyOptional } from '@nestjs/swagger';
import { REGION_CODES, SERVICE_TYPES, type ServiceType } from '@mrm/contracts';
import { PageQueryDto } from '@mrm/http';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { toBoolean } from './list-partners.query.dto';

export class ListServicesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SERVICE_TYPES })
  @IsOptional()
  @IsIn(SERVICE_TYPES)
  readonly type?: ServiceType;

  @ApiPropertyOptional({ enum: REGION_CODES, description: 'Services covering this region' })
  @IsOptional()
  @IsIn(REGION_CODES)
  readonly regionCode?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  readonly partnerId?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  readonly active?: boolean;
}
