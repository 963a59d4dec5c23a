import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class UuidParamDto {
  @ApiProperty({ format: 'uuid', description: 'Resource id' })
  @IsUUID()
  readonly id: string;
}
