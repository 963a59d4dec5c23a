import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class PlanIdParamDto {
  @ApiProperty({ format: 'uuid', description: 'Plan id' })
  @IsUUID()
  readonly id: string;
}
