import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@mrm/http';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { AUDIT_ACTIONS } from '../audit-actions';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Actor `sub`' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  readonly actor?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  readonly resourceId?: string;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS)
  readonly action?: string;

  @ApiPropertyOptional({ example: '2026-01-01T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  readonly from?: string;

  @ApiPropertyOptional({ example: '2026-02-01T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  readonly to?: string;
}
