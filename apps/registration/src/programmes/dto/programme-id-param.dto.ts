import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class ProgrammeIdParamDto {
  @ApiProperty({ format: 'uuid', description: 'Programme id' })
  @IsUUID()
  readonly id: string;
}
