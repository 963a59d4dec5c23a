import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class VisitIdParamDto {
  @ApiProperty({ format: 'uuid', description: 'Visit id' })
  @IsUUID()
  readonly id: string;
}
