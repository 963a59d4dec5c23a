import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export class ListErasureRequestsQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  readonly beneficiaryId?: string;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'Only those not yet acknowledged (or only acknowledged)',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  readonly pending?: boolean;
}
